import { createContext, useContext } from "react";
import { englishStrings, type Strings } from "./strings.ts";

/** Holds the strings for the locale Teams gave us; English until the shell knows better. */
export const StringsContext = createContext<Strings>(englishStrings);

/** The current locale's messages. */
export function useStrings(): Strings {
  return useContext(StringsContext);
}
