import type { BaselineStore, DirectoryCache, ToolCache } from './index.js';

/**
 * Host services that load their module on first use. In an action, @actions/cache brings Azure's
 * storage client (megabytes) and @actions/tool-cache its own stack; in the CLI, the tool cache
 * brings child_process and the stream stack. A stage that never keeps a baseline or downloads a
 * tool (smoke, approve, a migrate with nothing to do) should not pay for loading them before it starts.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

export function lazyBaselineStore(load: () => Promise<BaselineStore>): BaselineStore {
  const get = once(load);
  return {
    restore: async (kind, branch) => (await get()).restore(kind, branch),
    save: async (kind, branch, sha, text) => (await get()).save(kind, branch, sha, text),
  };
}

export function lazyDirectoryCache(load: () => Promise<DirectoryCache>): DirectoryCache {
  const get = once(load);
  return {
    restore: async (dir, key) => (await get()).restore(dir, key),
    save: async (dir, key) => (await get()).save(dir, key),
  };
}

export function lazyToolCache(load: () => Promise<ToolCache>): ToolCache {
  const get = once(load);
  return {
    find: async (tool, version) => (await get()).find(tool, version),
    download: async (url) => (await get()).download(url),
    extractTar: async (file) => (await get()).extractTar(file),
    cacheDir: async (dir, tool, version) => (await get()).cacheDir(dir, tool, version),
  };
}
