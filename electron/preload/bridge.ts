import { isChannel, PUSH_EVENT_NAMES, type DeskApi, type DeskResult, type PushEventName } from '../../shared/contract.js';
import { IPC_PREFIX, PUSH_CHANNEL } from '../../shared/ipcChannels.js';

/** The part of Electron's ipcRenderer the bridge needs; never handed to the page itself. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, message: unknown) => void): void;
}

/** Builds `window.desk` from the contract: only its channel names and push events get through. */
export function createDeskBridge(ipc: IpcRendererLike): DeskApi {
  const listeners = new Map<PushEventName, Set<(payload: never) => void>>();
  ipc.on(PUSH_CHANNEL, (_event, message) => {
    const { event, payload } = (message ?? {}) as { event?: PushEventName; payload?: unknown };
    if (!event) return;
    for (const listener of listeners.get(event) ?? []) (listener as (payload: unknown) => void)(payload);
  });
  return {
    invoke: ((channel: unknown, request: unknown, session?: string) => {
      if (!isChannel(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: 'unknown channel' } } satisfies DeskResult<never>);
      }
      return ipc.invoke(IPC_PREFIX + channel, request, session);
    }) as DeskApi['invoke'],
    on(event, listener) {
      if (!PUSH_EVENT_NAMES.includes(event)) return () => undefined;
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
