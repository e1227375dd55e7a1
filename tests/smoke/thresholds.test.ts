import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { latencyStats, percentile } from '../../src/stages/smoke/stats.js';
import { evaluateThresholds, parseThresholds, type RequestSample } from '../../src/stages/smoke/thresholds.js';

describe('percentile (k6 trend method: linear interpolation between closest ranks)', () => {
  it('interpolates at rank p/100 × (n − 1)', () => {
    const v = [10, 20, 30, 40];
    expect(percentile(v, 50)).toBe(25);
    expect(percentile(v, 95)).toBeCloseTo(38.5, 10); // rank 2.85: 30 + 0.85 × 10
    expect(percentile(v, 0)).toBe(10);
    expect(percentile(v, 100)).toBe(40);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNull();
  });

  it('matches numpy.percentile(range(1, 101), [90, 95, 99]) exactly', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(v, 90)).toBeCloseTo(90.1, 10);
    expect(percentile(v, 95)).toBeCloseTo(95.05, 10);
    expect(percentile(v, 99)).toBeCloseTo(99.01, 10);
  });

  it('reports p50/p95/max rounded to a tenth of a millisecond', () => {
    expect(latencyStats([3.33, 1.11, 2.22])).toEqual({ p50: 2.2, p95: 3.2, max: 3.3 });
    expect(latencyStats([])).toEqual({ p50: null, p95: null, max: null });
  });
});

describe('thresholds in k6 syntax', () => {
  const samples: RequestSample[] = [
    ...Array.from({ length: 19 }, (_, i) => ({ check: 'home', durationMs: 10 + i, failed: false, passed: true })),
    { check: 'login', durationMs: 400, failed: true, passed: false },
    { check: 'login', durationMs: null, failed: true, passed: false },
  ];

  it('parses trend, rate and count expressions, with a check tag', () => {
    const t = parseThresholds(
      "http_req_duration: ['p(95)<200', 'avg < 100']\nhttp_req_failed: ['rate<0.01']\n'http_req_duration{check:login}': ['p(99)<=500']\nhttp_reqs: count>=10\n",
    );
    expect(t.map((x) => `${x.metricKey} ${x.expression}`)).toEqual([
      'http_req_duration p(95)<200',
      'http_req_duration avg<100',
      'http_req_failed rate<0.01',
      'http_req_duration{check:login} p(99)<=500',
      'http_reqs count>=10',
    ]);
    expect(t[3].check).toBe('login');
  });

  it('evaluates over the samples: durations only of answered requests, rates over all', () => {
    const results = evaluateThresholds(
      parseThresholds(
        "http_req_duration: ['max<300', 'med<=20']\nhttp_req_failed: ['rate<0.01']\nhttp_req_duration{check:home}: ['p(95)<30']\nchecks: ['rate>0.95']",
      ),
      samples,
    );
    expect(results.map((r) => [r.metric, r.expression, r.passed, r.actual])).toEqual([
      ['http_req_duration', 'max<300', false, 400],
      ['http_req_duration', 'med<=20', true, 19.5],
      ['http_req_failed', 'rate<0.01', false, 0.0952],
      ['http_req_duration{check:home}', 'p(95)<30', true, 27.1],
      ['checks', 'rate>0.95', false, 0.9048],
    ]);
  });

  it('fails closed when there is nothing to measure', () => {
    const [r] = evaluateThresholds(parseThresholds("http_req_duration: ['p(95)<200']"), [
      { check: 'a', durationMs: null, failed: true, passed: false },
    ]);
    expect(r).toMatchObject({ passed: false, actual: null });
  });

  it('refuses bad thresholds naming the input and the line', () => {
    const bad = (text: string): UserError => {
      try {
        parseThresholds(text);
      } catch (error) {
        return error as UserError;
      }
      throw new Error('expected a refusal');
    };
    const e1 = bad("http_req_duration: ['p(95)<200']\nhttp_req_failed: ['p(95)<1']");
    expect(e1).toBeInstanceOf(UserError);
    expect(e1.message).toMatch(/^input 'thresholds' line 2: 'p\(95\)' does not apply to http_req_failed/);
    expect(e1.location).toMatchObject({ input: 'thresholds', line: 2 });
    expect(bad("http_req_waiting: ['avg<1']").message).toContain("'http_req_waiting' is not a supported metric");
    expect(bad("http_req_duration:\n  - 'p95<200'").message).toMatch(/line 2: 'p95<200' is not a threshold expression/);
  });
});
