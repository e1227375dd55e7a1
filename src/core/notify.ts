import { errorMessage } from './errors.js';

const NOTIFY_TIMEOUT_MS = 10_000;

/**
 * A message for a Slack-compatible incoming webhook (Slack; Discord's `/slack` endpoint; Mattermost,
 * Rocket.Chat). `text` is what every one of them shows; `attachments` (Slack's legacy form, which
 * Discord's endpoint renders too) add a coloured block per item.
 */
export interface NotifyMessage {
  text: string;
  attachments?: { color?: string; title?: string; title_link?: string; text?: string; fallback?: string }[];
}

/**
 * Posts the message to the webhook. A notification is a courtesy, never part of a decision or a
 * gate: a failure is returned as a warning, not thrown.
 */
export async function notify(url: string, message: string | NotifyMessage): Promise<string | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(typeof message === 'string' ? { text: message } : message),
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
