import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A coverage badge in the shields.io "flat" style. Colour bands (the ones shields.io and most
 * coverage services use): ≥ 90 % brightgreen, ≥ 80 % green, ≥ 70 % yellowgreen, ≥ 60 % yellow,
 * ≥ 50 % orange, below red; no coverage measured: lightgrey "unknown".
 */
export const BADGE_BANDS: readonly { min: number; color: string; name: string }[] = [
  { min: 90, color: '#4c1', name: 'brightgreen' },
  { min: 80, color: '#97ca00', name: 'green' },
  { min: 70, color: '#a4a61d', name: 'yellowgreen' },
  { min: 60, color: '#dfb317', name: 'yellow' },
  { min: 50, color: '#fe7d37', name: 'orange' },
  { min: 0, color: '#e05d44', name: 'red' },
];
const UNKNOWN = { color: '#9f9f9f', name: 'lightgrey' };

export function badgeColor(pct: number | undefined): { color: string; name: string } {
  if (pct === undefined || !Number.isFinite(pct)) return UNKNOWN;
  return BADGE_BANDS.find((b) => pct >= b.min) ?? UNKNOWN;
}

// Widths of Verdana 11px glyphs (what shields.io measures text with), in tenths of a pixel.
const NARROW = new Set([..."fijlrt.,:;!|'()[]{} "]);
const WIDE = new Set([...'mwMW%@']);
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += NARROW.has(ch) ? 40 : WIDE.has(ch) ? 100 : /[A-Z0-9#]/.test(ch) ? 75 : 65;
  return Math.round(w / 10);
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function badgeSvg(label: string, pct: number | undefined): string {
  const value = pct === undefined ? 'unknown' : `${Math.floor(pct * 10) / 10}%`;
  const { color } = badgeColor(pct);
  const lw = textWidth(label) + 10;
  const vw = textWidth(value) + 10;
  const w = lw + vw;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${esc(label)}: ${esc(value)}"><title>${esc(label)}: ${esc(value)}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${color}"/><rect width="${w}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="${lw / 2}" y="15" fill="#010101" fill-opacity=".3">${esc(label)}</text><text x="${lw / 2}" y="14">${esc(label)}</text><text x="${lw + vw / 2}" y="15" fill="#010101" fill-opacity=".3">${esc(value)}</text><text x="${lw + vw / 2}" y="14">${esc(value)}</text></g></svg>\n`;
}

export async function writeBadge(file: string, pct: number | undefined): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, badgeSvg('coverage', pct));
}
