// @vercel/ncc ships no types; the build uses this much of its API.
declare module '@vercel/ncc' {
  interface NccOptions {
    minify?: boolean;
    sourceMap?: boolean;
    quiet?: boolean;
    target?: string;
    transpileOnly?: boolean;
    externals?: string[];
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
