import * as tc from '@actions/tool-cache';
import { ToolDownloadError, type ToolCache } from '../core/host/tool-cache.js';
import type { Logger } from '../core/logger.js';

/**
 * The action's tool cache: @actions/tool-cache, so a tool lands in RUNNER_TOOL_CACHE (kept between
 * jobs on self-hosted runners and on images that pre-seed it) and downloads get its retries and
 * proxy support.
 */
export class ActionsToolCache implements ToolCache {
  constructor(private readonly logger: Logger) {}

  find(tool: string, version: string): Promise<string | undefined> {
    return Promise.resolve(tc.find(tool, version) || undefined);
  }

  async download(url: string): Promise<string> {
    this.logger.debug(`Downloading ${url}`);
    try {
      return await tc.downloadTool(url);
    } catch (error) {
      if (error instanceof tc.HTTPError) throw new ToolDownloadError(url, error.httpStatusCode);
      throw error;
    }
  }

  extractTar(file: string): Promise<string> {
    return tc.extractTar(file);
  }

  cacheDir(dir: string, tool: string, version: string): Promise<string> {
    return tc.cacheDir(dir, tool, version);
  }
}

export function actionToolCache(logger: Logger): ToolCache {
  return new ActionsToolCache(logger);
}
