import { errorMessage } from '../../core/errors.js';

const NOTIFY_TIMEOUT_MS = 10_000;

/**
 * Posts `{ text }` to a Slack-compatible incoming webhook. A notification is a courtesy, never
 * part of the decision: a failure is returned as a warning, not thrown.
 */
export async function notify(url: string, text: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    if (!response.ok) return `the notify-url webhook answered HTTP ${response.status}`;
    return undefined;
  } catch (error) {
    // The URL carries the webhook's secret: never repeat it.
    return `the notify-url webhook could not be reached: ${errorMessage(error)}`;
  }
}
