/**
 * One copy of each repeated string: a report lists the same advisory title, URL and package in many
 * targets, and JSON.parse makes a new string each time. Bounded, so a report of unique strings costs
 * no more than the map.
 */
export class Strings {
  private readonly seen = new Map<string, string>();
  get(s: string | undefined): string | undefined {
    if (s === undefined) return undefined;
    const known = this.seen.get(s);
    if (known !== undefined) return known;
    if (this.seen.size < 200_000) this.seen.set(s, s);
    return s;
  }
}

/** The same finding with each of its strings shared with earlier findings. */
export function internFinding<
  F extends {
    ids: string[];
    title: string;
    package: string | null;
    installed: string | null;
    fixed: string | null;
    target: string;
    file: string | null;
    url: string | null;
  },
>(f: F, strings: Strings): F {
  f.ids = f.ids.map((x) => strings.get(x)!);
  f.title = strings.get(f.title)!;
  f.target = strings.get(f.target)!;
  if (f.package !== null) f.package = strings.get(f.package)!;
  if (f.installed !== null) f.installed = strings.get(f.installed)!;
  if (f.fixed !== null) f.fixed = strings.get(f.fixed)!;
  if (f.file !== null) f.file = strings.get(f.file)!;
  if (f.url !== null) f.url = strings.get(f.url)!;
  return f;
}
