import { createContext, ReactNode, useContext, useMemo, useState } from 'react';
import { Alert } from '../../../components/fds';

/**
 * What the last command did, said where the page keeps it: a command's button often disappears
 * once it has run (a claimed case offers no claim), so its own spot cannot hold the message.
 */
const CommandStatus = createContext<{ message: string; announce(message: string): void } | undefined>(undefined);

export function CommandStatusProvider({ children }: { children: ReactNode }) {
  const [message, announce] = useState('');
  const value = useMemo(() => ({ message, announce }), [message]);
  return <CommandStatus.Provider value={value}>{children}</CommandStatus.Provider>;
}

/** The page's status region (always present, so screen readers announce what appears in it). */
export function CommandStatusMessage() {
  const message = useContext(CommandStatus)?.message;
  return <div role="status">{message && <Alert variant="success" heading={message} />}</div>;
}

/** Says a command went through in the page's status region; undefined outside one, and the caller says it itself. */
export function useCommandStatus(): ((message: string) => void) | undefined {
  return useContext(CommandStatus)?.announce;
}
