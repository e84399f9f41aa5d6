/** `run(action)`: perform an API action and show its error line instead of throwing. */
import { createContext, useContext } from 'react';

export type Run = <T>(action: () => Promise<T>) => Promise<T | undefined>;

export const RunContext = createContext<Run>(async (action) => action());

export function useRun(): Run {
  return useContext(RunContext);
}
