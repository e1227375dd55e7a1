import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dockerfileFromLine, packageLine } from './lockfiles.js';
import type { Finding } from './model.js';

/**
 * Annotations go on the line that brings a finding in: a package's entry in its lockfile or
 * manifest, the Dockerfile's `FROM` for an image's packages, the secret's or misconfiguration's own
 * line. Tools that name only the lockfile get their line here, from the file in the checkout.
 */
export function locateFindings(findings: Finding[], cwd: string, options: { image?: string; targetDir: string }): void {
  const texts = new Map<string, string | null>();
  const read = (file: string): string | null => {
    if (!texts.has(file)) {
      const full = path.resolve(cwd, file);
      let text: string | null = null;
      try {
        // Lockfiles only: a "target" of an image or a directory is not read.
        if (existsSync(full)) text = readFileSync(full, 'utf8');
      } catch {
        text = null;
      }
      texts.set(file, text);
    }
    return texts.get(file) ?? null;
  };
  let dockerfile: { file: string; line: number } | null | undefined;
  const imageDockerfile = () => {
    if (dockerfile !== undefined) return dockerfile;
    const rel = path.relative(cwd, path.join(options.targetDir, 'Dockerfile')).split(path.sep).join('/');
    const text = read(rel);
    const line = text ? dockerfileFromLine(text) : undefined;
    dockerfile = line ? { file: rel, line } : null;
    return dockerfile;
  };
  for (const f of findings) {
    if (f.kind !== 'vuln' || f.package === null || f.line !== null) continue;
    if (f.file) {
      const text = read(f.file);
      const line = text ? packageLine(f.file, text, f.package, f.installed) : undefined;
      if (line) f.line = line;
    } else if (options.image) {
      const d = imageDockerfile();
      if (d) {
        f.file = d.file;
        f.line = d.line;
      }
    }
  }
}
