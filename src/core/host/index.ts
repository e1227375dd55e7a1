import type { ArtifactSource } from './artifact-source.js';
import type { BaselineStore } from './baseline-store.js';
import type { DirectoryCache } from './directory-cache.js';
import type { ToolCache } from './tool-cache.js';

export type { ArtifactSource } from './artifact-source.js';
export type { BaselineStore } from './baseline-store.js';
export type { DirectoryCache } from './directory-cache.js';
export type { ToolCache } from './tool-cache.js';

/**
 * What differs between an action step and `npx shipkit`: where state between runs lives and where
 * downloaded tools go. The action entry fills it with the Actions cache and the runner's tool cache,
 * the CLI with directories; stages only see these interfaces.
 */
export interface StageHost {
  kind: 'action' | 'cli';
  baselines: BaselineStore;
  tools: ToolCache;
  /** Directories kept between jobs (the Actions cache); absent where directories persist by themselves. */
  cache?: DirectoryCache;
  /** This workflow run's artifacts (an action only): where the root report action finds the stages' reports. */
  artifacts?: ArtifactSource;
}
