// docker/metadata-action's README (github.com/docker/metadata-action, README.md, v5), section by section:
// each table there is a table here, with the same inputs and the outputs it documents.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import type { GitContext } from '../../../src/stages/docker/git-context.js';
import { labelLines } from '../../../src/stages/docker/meta/labels.js';
import { bareTags, meta, README_NOW } from './support/meta-context.js';

const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37';

function ctx(ref: string, over: Partial<GitContext> = {}): GitContext {
  return {
    source: 'workflow',
    eventName: ref.startsWith('refs/pull/') ? 'pull_request' : 'push',
    ref,
    sha: SHA,
    payload: {},
    repository: {
      name: 'Hello-World',
      description: 'This your first repo!',
      htmlUrl: 'https://github.com/octocat/Hello-World',
      license: 'MIT',
      defaultBranch: 'master',
    },
    ...over,
  };
}

const tagsFor = (tags: string, ref: string, extra: Record<string, string> = {}, c: Partial<GitContext> = {}) =>
  bareTags(meta({ images: 'name/app', tags, ...extra }, ctx(ref, c)));

describe('type=schedule (README "type=schedule")', () => {
  const schedule = (pattern: string) =>
    tagsFor(`type=schedule,pattern=${pattern}`, 'refs/heads/master', {}, { eventName: 'schedule' });
  it.each([
    ['nightly', 'nightly'],
    ["{{date 'YYYYMMDD'}}", '20200110'],
    ["{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}", '20200110-093000'],
  ])('pattern %s gives %s', (pattern, out) => {
    expect(schedule(pattern)).toEqual([out]);
  });

  it('applies only to schedule events', () => {
    expect(tagsFor('type=schedule', 'refs/heads/master')).toEqual([]);
  });

  it('an unknown time zone or attribute is an error naming the input', () => {
    expect(() => schedule("{{date 'YYYY' tz='Mars/Olympus'}}")).toThrow(/input 'tags'.*Mars\/Olympus/);
    expect(() => schedule("{{date 'YYYY' zone='UTC'}}")).toThrow(/Unknown zone attribute/);
  });
});

describe('type=semver (README "type=semver")', () => {
  it.each([
    ['v1.2.3', '{{raw}}', 'v1.2.3'],
    ['v1.2.3', '{{version}}', '1.2.3'],
    ['v1.2.3', '{{major}}.{{minor}}', '1.2'],
    ['v1.2.3', 'v{{major}}', 'v1'],
    ['v1.2.3', '{{minor}}', '2'],
    ['v1.2.3', '{{patch}}', '3'],
    ['v2.0.8-beta.67', '{{raw}}', 'v2.0.8-beta.67'],
    ['v2.0.8-beta.67', '{{version}}', '2.0.8-beta.67'],
    ['v2.0.8-beta.67', '{{major}}.{{minor}}', '2.0.8-beta.67'],
  ])('tag %s with pattern %s gives %s', (tag, pattern, out) => {
    const m = meta({ images: 'name/app', tags: `type=semver,pattern=${pattern}` }, ctx(`refs/tags/${tag}`));
    expect(m.version).toBe(out);
    // A pre-release never gets latest; a release does (flavor latest=auto).
    expect(m.tags.includes('name/app:latest')).toBe(!tag.includes('-'));
  });

  it('value= replaces the git tag, on any event', () => {
    expect(tagsFor('type=semver,pattern={{version}},value=v1.0.0', 'refs/heads/master')).toEqual(['1.0.0', 'latest']);
  });

  it('a tag that is not semver makes no tag, with a warning', () => {
    const m = meta({ images: 'name/app', tags: 'type=semver,pattern={{version}}' }, ctx('refs/tags/release1'));
    expect(m.tags).toEqual([]);
    expect(m.warnings[0]).toMatch(/release1 is not a valid semver/);
  });

  it('major version zero: {{major}} disabled by an expression (README "Major version zero")', () => {
    const rules = (enableMajor: string) =>
      `type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}\ntype=semver,pattern={{major}},enable=${enableMajor}`;
    expect(tagsFor(rules('false'), 'refs/tags/v0.1.2')).toEqual(['0.1.2', '0.1', 'latest']);
    expect(tagsFor(rules('true'), 'refs/tags/v0.1.2')).toEqual(['0.1.2', '0.1', '0', 'latest']);
  });
});

describe('type=pep440 (README "type=pep440")', () => {
  it.each([
    ['1.2.3', '{{raw}}', '1.2.3'],
    ['1.2.3', '{{version}}', '1.2.3'],
    ['v1.2.3', '{{version}}', '1.2.3'],
    ['1.2.3', '{{major}}.{{minor}}', '1.2'],
    ['1.2.3', 'v{{major}}', 'v1'],
    ['v1.2.3rc2', '{{raw}}', 'v1.2.3rc2'],
    ['1.2.3rc2', '{{version}}', '1.2.3rc2'],
    ['1.2.3rc2', '{{major}}.{{minor}}', '1.2.3rc2'],
    ['1.2.3post1', '{{major}}.{{minor}}', '1.2.3.post1'],
    ['1.2.3beta2', '{{major}}.{{minor}}', '1.2.3b2'],
    ['1.0dev4', '{{major}}.{{minor}}', '1.0.dev4'],
  ])('tag %s with pattern %s gives %s', (tag, pattern, out) => {
    const m = meta({ images: 'name/app', tags: `type=pep440,pattern=${pattern}` }, ctx(`refs/tags/${tag}`));
    expect(m.version).toBe(out);
    const release = !/rc|post|beta|dev/.test(tag);
    expect(m.tags.includes('name/app:latest')).toBe(release);
  });
});

describe('type=pep440 warnings', () => {
  it('a tag that is not PEP 440 makes no tag, with a warning', () => {
    const m = meta({ images: 'a', tags: 'type=pep440,pattern={{version}}' }, ctx('refs/tags/release-one'));
    expect(m.tags).toEqual([]);
    expect(m.warnings[0]).toMatch(/release-one does not conform to PEP 440/);
  });
});

describe('no tag generated', () => {
  it("warns as metadata-action does ('No Docker tag has been generated') when images are given and no rule applied", () => {
    const m = meta({ images: 'name/app', tags: 'type=ref,event=tag' }, ctx('refs/heads/dev'));
    expect(m.tags).toEqual([]);
    expect(m.warnings).toEqual([expect.stringContaining('No Docker tag has been generated. Check tags input.')]);
    expect(m.warnings[0]).toContain('refs/heads/dev');
    // Tags were made, or no image asked for one: no such warning.
    expect(meta({ images: 'name/app', tags: 'type=ref,event=branch' }, ctx('refs/heads/dev')).warnings).toEqual([]);
    expect(meta({ tags: 'type=ref,event=tag' }, ctx('refs/heads/dev')).warnings).toEqual([]);
  });
});

describe('type=match (README "type=match")', () => {
  it.each([
    ['v1.2.3', '\\d.\\d.\\d', '0', '1.2.3'],
    ['v2.0.8-beta.67', 'v(.*)', '1', '2.0.8-beta.67'],
    ['v2.0.8-beta.67', 'v(\\d.\\d)', '1', '2.0'],
    ['20200110-RC2', '\\d+', '0', '20200110'],
    ['p1/v1.2.3', 'p1/v(\\d.\\d.\\d)', '1', '1.2.3'],
  ])('tag %s, pattern %s, group %s gives %s', (tag, pattern, group, out) => {
    expect(tagsFor(`type=match,pattern=${pattern},group=${group}`, `refs/tags/${tag}`)).toEqual([out, 'latest']);
  });

  it('a /regex/flags pattern, and value= instead of the tag', () => {
    expect(tagsFor('type=match,"pattern=/V(\\d+)/i",group=1,value=v7.1', 'refs/heads/main')).toEqual(['7', 'latest']);
  });

  it('no match or a missing group makes no tag, with a warning', () => {
    const m = meta({ images: 'a', tags: 'type=match,pattern=x(\\d),group=2' }, ctx('refs/tags/x1'));
    expect(m.tags).toEqual([]);
    expect(m.warnings[0]).toMatch(/group 2 does not exist/);
    const none = meta({ images: 'a', tags: 'type=match,pattern=^v(\\d)' }, ctx('refs/tags/release-1'));
    expect(none.tags).toEqual([]);
    expect(none.warnings[0]).toMatch(/does not match release-1/);
  });
});

describe('type=edge (README "type=edge")', () => {
  it('tags the default branch from the repository, or the branch named', () => {
    expect(tagsFor('type=edge', 'refs/heads/master')).toEqual(['edge']);
    expect(tagsFor('type=edge', 'refs/heads/dev')).toEqual([]);
    expect(tagsFor('type=edge,branch=dev', 'refs/heads/dev')).toEqual(['edge']);
  });
});

describe('type=ref (README "type=ref")', () => {
  it.each([
    ['refs/pull/2/merge', 'pr-2'],
    ['refs/heads/master', 'master'],
    ['refs/heads/my/branch', 'my-branch'],
    ['refs/tags/v1.2.3', 'v1.2.3'],
    ['refs/tags/v2.0.8-beta.67', 'v2.0.8-beta.67'],
  ])('%s gives %s', (ref, out) => {
    const tags = tagsFor('type=ref,event=branch\ntype=ref,event=tag\ntype=ref,event=pr', ref);
    expect(tags[0]).toBe(out);
  });
});

describe('type=raw and type=sha (README "type=raw", "type=sha")', () => {
  it('three ways to write a raw tag', () => {
    expect(tagsFor('type=raw,value=foo\ntype=raw,bar\nbaz', 'refs/heads/master')).toEqual(['foo', 'bar', 'baz']);
  });

  it('sha- plus 7 characters, the whole sha with format=long, or DOCKER_METADATA_SHORT_SHA_LENGTH', () => {
    expect(tagsFor('type=sha', 'refs/heads/master')).toEqual(['sha-860c190']);
    expect(tagsFor('type=sha,format=long', 'refs/heads/master')).toEqual([`sha-${SHA}`]);
    const m = meta({ images: 'a', tags: 'type=sha' }, ctx('refs/heads/master'), README_NOW, {
      DOCKER_METADATA_SHORT_SHA_LENGTH: '12',
    });
    expect(bareTags(m)).toEqual(['sha-860c1904a1ce']);
    expect(tagsFor('type=sha,prefix=', 'refs/heads/master')).toEqual(['860c190']);
  });
});

describe('priority (README "priority attribute")', () => {
  it('the default priorities order the tags; the first is the version', () => {
    const rules =
      'type=sha\ntype=raw,value=r\ntype=ref,event=tag\ntype=match,pattern=\\d.\\d\ntype=semver,pattern={{version}}';
    expect(tagsFor(rules, 'refs/tags/v1.2.3')).toEqual(['1.2.3', '1.2', 'v1.2.3', 'r', 'sha-860c190', 'latest']);
  });

  it('a higher priority makes a rule the version; equal priorities keep their written order', () => {
    expect(tagsFor('type=ref,event=branch\ntype=sha,priority=2000', 'refs/heads/dev')).toEqual(['sha-860c190', 'dev']);
    expect(tagsFor('type=raw,b\ntype=raw,a', 'refs/heads/dev')).toEqual(['b', 'a']);
  });

  it('the same value twice is one tag', () => {
    expect(tagsFor('type=raw,value=x\ntype=raw,value=x\ntype=ref,event=branch', 'refs/heads/x')).toEqual(['x']);
  });
});

describe('latest (README "Latest tag")', () => {
  it('auto: tag pushes, semver, pep440 and match add latest; branches and PRs do not', () => {
    expect(tagsFor('type=ref,event=tag', 'refs/tags/v1')).toEqual(['v1', 'latest']);
    expect(tagsFor('type=ref,event=branch', 'refs/heads/master')).toEqual(['master']);
    expect(tagsFor('type=ref,event=pr', 'refs/pull/3/merge', {}, { eventName: 'pull_request' })).toEqual(['pr-3']);
  });

  it('latest=true and latest=false override auto', () => {
    expect(tagsFor('type=ref,event=branch', 'refs/heads/dev', { flavor: 'latest=true' })).toEqual(['dev', 'latest']);
    expect(tagsFor('type=ref,event=tag', 'refs/tags/v1', { flavor: 'latest=false' })).toEqual(['v1']);
  });

  it('type=raw,value=latest,enable={{is_default_branch}}', () => {
    const rules = 'type=ref,event=branch\ntype=raw,value=latest,enable={{is_default_branch}}';
    expect(tagsFor(rules, 'refs/heads/master')).toEqual(['master', 'latest']);
    expect(tagsFor(rules, 'refs/heads/dev')).toEqual(['dev']);
  });
});

describe('global expressions (README "Global expressions")', () => {
  const value = (expr: string, ref: string, c: Partial<GitContext> = {}) =>
    meta({ images: 'a', tags: `type=raw,value=x`, labels: `org.example.v=${expr}` }, ctx(ref, c)).labels[
      'org.example.v'
    ];

  it('{{branch}}, {{tag}} and {{sha}}', () => {
    expect(value('{{branch}}', 'refs/pull/2/merge')).toBe('');
    expect(value('{{branch}}', 'refs/heads/master')).toBe('master');
    expect(tagsFor('type=raw,value={{branch}}', 'refs/heads/my/branch')).toEqual(['my-branch']);
    expect(value('{{branch}}', 'refs/tags/v1.2.3')).toBe('');
    expect(value('{{tag}}', 'refs/tags/v1.2.3')).toBe('v1.2.3');
    expect(value('{{tag}}', 'refs/heads/master')).toBe('');
    expect(value('{{sha}}', 'refs/heads/master')).toBe('860c190');
    expect(tagsFor('type=sha,prefix={{branch}}-', 'refs/heads/dev')).toEqual(['dev-860c190']);
    expect(tagsFor('type=raw,value=mytag-{{branch}}-{{sha}}', 'refs/heads/dev')).toEqual(['mytag-dev-860c190']);
  });

  it('{{base_ref}}: the PR base, or a tag push payload base_ref', () => {
    const pr = { pull_request: { base: { ref: 'master' } } };
    expect(value('{{base_ref}}', 'refs/pull/2/merge', { payload: pr })).toBe('master');
    expect(value('{{base_ref}}', 'refs/heads/master', { payload: pr })).toBe('');
    expect(value('{{base_ref}}', 'refs/tags/v1.2.3', { payload: { base_ref: 'refs/heads/master' } })).toBe('master');
  });

  it('{{is_default_branch}}', () => {
    expect(value('{{is_default_branch}}', 'refs/heads/master')).toBe('true');
    expect(value('{{is_default_branch}}', 'refs/heads/dev')).toBe('false');
    expect(value('{{is_default_branch}}', 'refs/heads/dev', { eventName: 'schedule' })).toBe('true');
  });

  it('{{is_not_default_branch}}: the opposite, so a branch tag can be kept off the default branch', () => {
    expect(value('{{is_not_default_branch}}', 'refs/heads/master')).toBe('false');
    expect(value('{{is_not_default_branch}}', 'refs/heads/dev')).toBe('true');
    expect(value('{{is_not_default_branch}}', 'refs/tags/v1.2.3')).toBe('true');
    expect(value('{{is_not_default_branch}}', 'refs/heads/dev', { eventName: 'schedule' })).toBe('false');
    const rules =
      'type=ref,event=branch,enable={{is_not_default_branch}}\ntype=raw,value=latest,enable={{is_default_branch}}';
    expect(tagsFor(rules, 'refs/heads/dev')).toEqual(['dev']);
    expect(tagsFor(rules, 'refs/heads/master')).toEqual(['latest']);
  });

  it("{{date}} and {{commit_date}} with moment formats (README's examples)", () => {
    const at = new Date('2020-01-10T15:25:50Z');
    const label = (expr: string, c: Partial<GitContext> = {}) =>
      meta({ images: 'a', labels: `x=${expr}` }, ctx('refs/heads/master', c), at).labels.x;
    expect(label("{{date 'YYYYMMDD'}}")).toBe('20200110');
    expect(label("{{date 'dddd, MMMM Do YYYY, h:mm:ss a'}}")).toBe('Friday, January 10th 2020, 3:25:50 pm');
    const commitDate = new Date('2019-05-15T15:19:25Z');
    expect(label("{{commit_date 'YYYY-MM-DDTHH:mm:ss.SSS[Z]'}}", { commitDate })).toBe('2019-05-15T15:19:25.000Z');
    // Without a commit date, "now" (metadata-action falls back the same way).
    expect(label("{{commit_date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}")).toBe('20200111-002550');
  });
});

describe('flavor (README "flavor input")', () => {
  it('prefix and suffix apply to every tag but not to latest unless onlatest=true', () => {
    expect(tagsFor('type=ref,event=tag', 'refs/tags/v1', { flavor: 'prefix=app-\nsuffix=-slim' })).toEqual([
      'app-v1-slim',
      'latest',
    ]);
    expect(
      tagsFor('type=ref,event=tag', 'refs/tags/v1', {
        flavor: 'prefix=app-,onlatest=true\nsuffix=-slim,onlatest=true',
      }),
    ).toEqual(['app-v1-slim', 'app-latest-slim']);
  });

  it("a rule's own prefix (even empty) wins over the flavor's", () => {
    expect(tagsFor('type=ref,event=pr', 'refs/pull/2/merge', { flavor: 'prefix=x-' })).toEqual(['pr-2']);
    expect(tagsFor('type=raw,value=v,prefix=', 'refs/heads/a', { flavor: 'prefix=x-' })).toEqual(['v']);
  });
});

describe('images (README "images input", "Image name and tag sanitization")', () => {
  it('lowercased; name=…,enable=false drops one; a single CSV line holds several', () => {
    const tags = (images: string) => meta({ images, tags: 'type=raw,v' }, ctx('refs/heads/a')).tags;
    expect(tags('Name/App')).toEqual(['name/app:v']);
    expect(tags('name=name/foo\nname=ghcr.io/name/bar,enable=false')).toEqual(['name/foo:v']);
    expect(tags('name/app,ghcr.io/name/app')).toEqual(['name/app:v', 'ghcr.io/name/app:v']);
    expect(tags('')).toEqual(['v']);
  });

  it('invalid tag characters become one dash', () => {
    expect(tagsFor('type=raw,value=feat/a b+c', 'refs/heads/a')).toEqual(['feat-a-b-c']);
  });
});

describe('labels (README "Overwrite labels and annotations", "JSON output object")', () => {
  it('custom labels override and add, sorted by key', () => {
    const m = meta(
      {
        images: 'name/app',
        labels:
          'maintainer=CrazyMax\norg.opencontainers.image.title=MyCustomTitle\norg.opencontainers.image.description=Another description\norg.opencontainers.image.vendor=MyCompany',
      },
      ctx('refs/tags/v1.2.3'),
    );
    expect(labelLines(m.labels)).toEqual([
      'maintainer=CrazyMax',
      'org.opencontainers.image.created=2020-01-10T00:30:00.000Z',
      'org.opencontainers.image.description=Another description',
      'org.opencontainers.image.licenses=MIT',
      `org.opencontainers.image.revision=${SHA}`,
      'org.opencontainers.image.source=https://github.com/octocat/Hello-World',
      'org.opencontainers.image.title=MyCustomTitle',
      'org.opencontainers.image.url=https://github.com/octocat/Hello-World',
      'org.opencontainers.image.vendor=MyCompany',
      'org.opencontainers.image.version=v1.2.3',
    ]);
    expect(
      JSON.parse(JSON.stringify({ tags: m.tags, labels: m.labels })).labels['org.opencontainers.image.version'],
    ).toBe('v1.2.3');
  });

  it('a __proto__ label stays a label', () => {
    const m = meta({ images: 'a', labels: '__proto__=x' }, ctx('refs/heads/a'));
    expect(Object.keys(m.labels)).toContain('__proto__');
    expect(Object.getPrototypeOf(m.labels)).toBe(Object.prototype);
  });
});

describe('input mistakes name the input', () => {
  it.each([
    ['tags', 'type=foo', /input 'tags': unknown type 'foo'/],
    ['tags', 'type=semver', /needs a pattern/],
    ['tags', 'type=match,pattern=x,group=a', /group must be a number/],
    ['tags', 'type=ref', /needs event=branch/],
    ['tags', 'type=ref,event=push', /event must be branch, tag or pr/],
    ['tags', 'type=raw', /needs a value/],
    ['tags', 'type=sha,format=medium', /format must be short or long/],
    ['tags', 'type=sha,priority=high', /priority must be a number/],
    ['tags', 'type=raw,value=x,enable=yes', /enable must be true or false, got 'yes'/],
    ['tags', 'type=raw,value={{branch', /cannot render/],
    ['tags', 'type=match,pattern=(', /pattern is not a valid regular expression/],
    ['flavor', 'latest=maybe', /input 'flavor': latest must be auto, true or false/],
    ['flavor', 'colour=blue', /unknown flavor 'colour'/],
    ['flavor', 'prefix=a,onlatest=yes', /onlatest must be true or false/],
    ['images', 'name=a,enable=no', /input 'images': enable must be true or false/],
    ['images', 'name=a,tag=b', /unknown attribute 'tag'/],
    ['images', 'enable=true\nname=b', /names no image/],
    ['tags', 'type=raw,"value=unclosed', /input 'tags' is not a valid list/],
    ['tags', 'type=raw,value=a"b', /input 'tags': cannot read 'type=raw,value=a"b'/],
  ])('%s: %s', (input, value, message) => {
    const run = () => meta({ images: 'a', [input]: value }, ctx('refs/heads/a'));
    expect(run).toThrow(UserError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as UserError).location.input).toBe(input);
    }
  });

  it('a bad DOCKER_METADATA_SHORT_SHA_LENGTH is refused', () => {
    expect(() =>
      meta({ images: 'a' }, ctx('refs/heads/a'), README_NOW, { DOCKER_METADATA_SHORT_SHA_LENGTH: 'x' }),
    ).toThrow(/DOCKER_METADATA_SHORT_SHA_LENGTH/);
  });
});

describe('date formatting', () => {
  it('the UTC shortcut gives what the time-zone path gives, for every format token', async () => {
    const { formatDate } = await import('../../../src/stages/docker/meta/expressions.js');
    const formats = [
      'YYYYMMDD',
      'YYYY-MM-DDTHH:mm:ss.SSS[Z]',
      'dddd, MMMM Do YYYY, h:mm:ss a',
      'YY M D H h m s S SS A a Q k kk X x w ww W WW gggg GGGG E',
      'Z ZZ [z] ddd dd d',
      'z zz',
      'YYYY.DDDD DDDo Mo Qo Wo wo do e L LLLL LTS gg GG SSSS',
    ];
    const dates = [
      new Date('2020-01-10T00:30:00.000Z'),
      new Date('2024-02-29T23:59:59.999Z'),
      new Date('1999-12-31T12:00:00Z'),
    ];
    for (const date of dates) {
      for (const format of formats) {
        expect(formatDate(date, format, 'UTC')).toBe(formatDate(date, format, 'Etc/UTC'));
      }
    }
  });
});

describe("date formatting: moment's tokens", () => {
  // What moment(date).tz('UTC').format(format) gives (metadata-action formats with moment-timezone).
  it.each([
    ['YYYY.DDDD', '2020.010'],
    ['DDD', '10'],
    ['DDDo', '10th'],
    ['E', '5'],
    ['e', '5'],
    ['L', '01/10/2020'],
    ['LL', 'January 10, 2020'],
    ['LLL', 'January 10, 2020 3:25 PM'],
    ['LLLL', 'Friday, January 10, 2020 3:25 PM'],
    ['l', '1/10/2020'],
    ['LT', '3:25 PM'],
    ['LTS', '3:25:50 PM'],
    ['Mo Qo', '1st 1st'],
    ['Wo wo', '2nd 2nd'],
    ['[DDDD] DDDD', 'DDDD 010'],
  ])('%s gives %s', async (format, out) => {
    const { formatDate } = await import('../../../src/stages/docker/meta/expressions.js');
    expect(formatDate(new Date('2020-01-10T15:25:50Z'), format, 'UTC')).toBe(out);
    expect(formatDate(new Date('2020-01-10T15:25:50Z'), format, 'Europe/Paris')).toBe(out.replace('3:25', '4:25'));
  });

  it('X and x are the instant, whatever the time zone', async () => {
    const { formatDate } = await import('../../../src/stages/docker/meta/expressions.js');
    const at = new Date('2020-01-10T15:25:50.123Z');
    for (const tz of ['UTC', 'Asia/Tokyo', 'America/New_York'])
      expect(formatDate(at, 'X x', tz)).toBe('1578669950 1578669950123');
  });

  it('day of year counts from 1 and pads to three digits; a late-December day is 366 in a leap year', async () => {
    const { formatDate } = await import('../../../src/stages/docker/meta/expressions.js');
    expect(formatDate(new Date('2024-12-31T12:00:00Z'), 'DDDD DDD', 'UTC')).toBe('366 366');
    expect(formatDate(new Date('2021-01-01T00:00:00Z'), 'DDDD DDD', 'UTC')).toBe('001 1');
  });
});

describe('outputs (README "outputs", "JSON output object")', () => {
  it('version, tags and labels one per line, json with the labels map', async () => {
    const { metaOutputs } = await import('../../../src/stages/docker/meta/outputs.js');
    const m = meta({ images: 'name/app', tags: 'type=semver,pattern={{version}}\ntype=sha' }, ctx('refs/tags/v1.2.3'));
    const out = metaOutputs(m);
    expect(out.version).toBe('1.2.3');
    expect(out.tags.split('\n')).toEqual(['name/app:1.2.3', 'name/app:sha-860c190', 'name/app:latest']);
    expect(out.labels.split('\n')).toContain('org.opencontainers.image.version=1.2.3');
    const json = JSON.parse(out.json) as { tags: string[]; labels: Record<string, string> };
    expect(json.tags).toEqual(m.tags);
    expect(json.labels['org.opencontainers.image.version']).toBe('1.2.3');
    expect(json.labels['org.opencontainers.image.created']).toBe('2020-01-10T00:30:00.000Z');
  });
});
