import { CHANNEL_NAMES, type DeskResult } from '../../shared/contract.js';
import { IPC_PREFIX } from '../../shared/ipcChannels.js';


/** The part of Electron's ipcMain we use, so this wiring is tested without the Electron binary. */
export interface IpcSenderEvent {
  senderFrame: { url: string } | null;
  /** The web contents that sent it; only its main frame (not an iframe inside it) may call the desk. */
  sender: { mainFrame: unknown };
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, request: unknown, session?: unknown) => unknown): void;
}

export type Invoke = (channel: string, request: unknown, session: unknown) => Promise<DeskResult<unknown>>;

/**
 * One handler per contract channel. The request goes on to the dispatcher, which validates it
 * with the contract's zod schema before core sees it; calls from any frame but ours are refused.
 */
export function registerContractHandlers(ipcMain: IpcMainLike, invoke: Invoke, isTrustedSender: (url: string) => boolean): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(IPC_PREFIX + channel, (event, request, session) => {
      if (!event.senderFrame || event.senderFrame !== event.sender.mainFrame || !isTrustedSender(event.senderFrame.url)) {
        return { ok: false, error: { code: 'unauthorized', message: 'call from an untrusted frame refused' } } satisfies DeskResult<never>;
      }
      return invoke(channel, request, session);
    });
  }
}
