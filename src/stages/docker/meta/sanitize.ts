/**
 * metadata-action's sanitising ("Image name and tag sanitization" in its README): image names are
 * lowercased; in a tag every run of characters outside `[A-Za-z0-9._-]` becomes one `-`
 * (`releases/v1` → `releases-v1`).
 */
export const sanitizeTag = (tag: string): string => tag.replace(/[^a-zA-Z0-9._-]+/g, '-');

export const sanitizeImageName = (name: string): string => name.toLowerCase();

/** `length` characters of the sha (7 by default; DOCKER_METADATA_SHORT_SHA_LENGTH in metadata-action). */
export const shortSha = (sha: string, length: number): string => (length >= sha.length ? sha : sha.slice(0, length));
