/**
 * The sandboxed preload: exposes `window.desk` (the DeskClient of the API contract) and nothing
 * else. No ipcRenderer, no event objects and no Node API cross into the page; every call is a
 * fixed channel from main/channels.ts, and main checks the sender and the arguments again.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  ApiResult,
  DeskClient,
  DeskDialogs,
  DeskEvent,
  OperationName,
  OpInput,
  OpOutput,
} from '../src/api/contract';
import { IPC, type InvokeChannel, type InvokeChannels } from './channels';

function invoke<C extends InvokeChannel>(
  channel: C,
  ...args: InvokeChannels[C]['args']
): Promise<InvokeChannels[C]['result']> {
  return ipcRenderer.invoke(channel, ...args) as Promise<InvokeChannels[C]['result']>;
}

const dialogs: DeskDialogs = {
  openWorkspace: () => invoke(IPC.openWorkspace),
  saveWorkspace: (defaultName) => invoke(IPC.saveWorkspace, defaultName),
  chooseFolder: (title) => invoke(IPC.chooseFolder, title),
  openCertificate: () => invoke(IPC.openCertificate),
};

const client: DeskClient = {
  call<K extends OperationName>(op: K, input: OpInput<K>): Promise<ApiResult<OpOutput<K>>> {
    // dispatch in main has already checked the value against the contract's output schema.
    return invoke(IPC.call, op, input) as Promise<ApiResult<OpOutput<K>>>;
  },
  subscribe(listener: (event: DeskEvent) => void): () => void {
    // The wrapper drops the IpcRendererEvent: it carries `sender` (ipcRenderer itself), which
    // must never reach page code.
    const forward = (_event: IpcRendererEvent, deskEvent: DeskEvent): void => listener(deskEvent);
    ipcRenderer.on(IPC.event, forward);
    return () => {
      ipcRenderer.removeListener(IPC.event, forward);
    };
  },
  transport: 'electron',
  dialogs,
};

contextBridge.exposeInMainWorld('desk', client);
