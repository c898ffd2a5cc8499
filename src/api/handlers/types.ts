import type { z } from 'zod';
import type { Contract, OperationName, OpParsedInput } from '../contract';
import type { DeskSession } from '../session';

export type Handler<K extends OperationName> = (
  input: OpParsedInput<K>,
  session: DeskSession,
) => z.input<Contract[K]['output']> | Promise<z.input<Contract[K]['output']>>;

/** The handlers of one area: exactly the operations that area declares. */
export type HandlersOf<Ops> = { [K in keyof Ops & OperationName]: Handler<K> };

export type Handlers = { [K in OperationName]: Handler<K> };
