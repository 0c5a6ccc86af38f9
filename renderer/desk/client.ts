import { create } from 'zustand';
import type {
  Channel,
  DeskApi,
  DeskErrorBody,
  DeskResult,
  FieldIssue,
  PushEventName,
  PushEventOf,
  RequestOf,
  ResponseOf,
} from '../../shared/contract.js';

declare global {
  interface Window {
    desk?: DeskApi;
  }
}

const unreachable: DeskErrorBody = { code: 'unreachable', message: 'the desk backend did not answer' };

/** `window.desk` for the browser host: the same contract over loopback HTTP with the run's token. */
function browserDesk(): DeskApi {
  const token = document.querySelector<HTMLMetaElement>('meta[name="calmdesk-token"]')?.content ?? '';
  let source: EventSource | null = null;
  return {
    async invoke(channel, request, session) {
      try {
        const response = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-calmdesk-token': token },
          body: JSON.stringify({ channel, request, session }),
        });
        if (!response.ok && response.headers.get('content-type')?.includes('application/json') !== true) return { ok: false, error: unreachable };
        return (await response.json()) as DeskResult<never>;
      } catch {
        return { ok: false, error: unreachable };
      }
    },
    on(event, listener) {
      source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      const handler = (message: MessageEvent<string>) => listener(JSON.parse(message.data));
      source.addEventListener(event, handler);
      return () => source?.removeEventListener(event, handler);
    },
  };
}

export const desk: DeskApi = window.desk ?? browserDesk();

export class DeskCallError extends Error {
  readonly code: DeskErrorBody['code'];
  readonly fields: FieldIssue[];
  readonly reason: string | undefined;
  constructor(body: DeskErrorBody) {
    super(body.message);
    this.code = body.code;
    this.fields = body.fields ?? [];
    this.reason = body.reason;
  }
}

let currentSession: string | undefined;
let onSignedOut: () => void = () => undefined;

/** The session travels with every call; a `signed_out` answer sends the desk back to sign-in. */
export function setSessionToken(session: string | undefined, signedOut: () => void): void {
  currentSession = session;
  onSignedOut = signedOut;
}

/**
 * Whether the desk's backend answered the last call. The frame says so at once when it does not,
 * so nobody reads "synced" or "saved" from a desk that has stopped listening.
 */
export const deskHealth = create<{ answering: boolean }>(() => ({ answering: true }));

/** Calls the desk and returns the value, or throws a DeskCallError the UI can translate. */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await desk.invoke(channel, request, currentSession);
  const answering = result.ok || result.error.code !== 'unreachable';
  if (deskHealth.getState().answering !== answering) deskHealth.setState({ answering });
  if (!result.ok) {
    if (result.error.code === 'signed_out' && currentSession) onSignedOut();
    throw new DeskCallError(result.error);
  }
  return result.value;
}

export function onDesk<E extends PushEventName>(event: E, listener: (payload: PushEventOf<E>) => void): () => void {
  return desk.on(event, listener);
}
