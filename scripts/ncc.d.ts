// @vercel/ncc ships no types; the build uses this much of its API.
declare module '@vercel/ncc' {
  interface NccOptions {
    minify?: boolean;
    sourceMap?: boolean;
    quiet?: boolean;
    target?: string;
    transpileOnly?: boolean;
    externals?: string[];
    /** A cache directory, or false for none (its readme). */
    cache?: string | false;
  }
  interface NccAsset {
    source: string | Buffer;
    permissions?: number;
  }
  export default function ncc(
    entry: string,
    options?: NccOptions,
  ): Promise<{ code: string; assets?: Record<string, NccAsset> }>;
}
