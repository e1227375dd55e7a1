import type pg from 'pg';

/**
 * Loads pg without the cost of its Cloudflare check. pg asks at load time whether it runs in a
 * Cloudflare Worker: it reads `navigator.userAgent`, and where there is no `navigator` (Node 20;
 * Node 21 and later define one) it tries `typeof Response`, which makes Node load its bundled undici
 * (about 25 ms of every migrate run on this machine, for an answer that is always "no" here). So
 * while pg loads, a Node without `navigator` gets one that says what Node 21+ says, and loses it
 * again once pg is loaded (the stage reads no `navigator` meanwhile: it is connecting).
 */
export async function loadPgClient(): Promise<typeof pg.Client> {
  const lent = !('navigator' in globalThis);
  if (lent)
    Object.defineProperty(globalThis, 'navigator', {
      value: { userAgent: `Node.js/${process.versions.node.split('.')[0]}` },
      configurable: true,
    });
  try {
    return (await import('pg')).default.Client;
  } finally {
    if (lent) delete (globalThis as { navigator?: unknown }).navigator;
  }
}
