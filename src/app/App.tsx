import { Suspense, useEffect, useState } from "react";
import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { connectToTeams, notifyAppLoaded } from "../teams/connectToTeams.ts";
import type { TeamsConnection, TeamsTheme } from "../teams/hostContext.ts";
import { onThemeChange } from "../teams/theme.ts";
import { LoadingState } from "./components/LoadingState.tsx";
import { SurfaceErrorBoundary } from "./components/SurfaceErrorBoundary.tsx";
import { resolveLocale, stringsFor } from "./i18n/strings.ts";
import { StringsContext } from "./i18n/useStrings.ts";
import { SurfaceRouter } from "./SurfaceRouter.tsx";
import { fluentThemes } from "./theme.ts";

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
});

/** The tab's shell: connects to Teams, follows its theme and language, and shows the surface for where it runs. */
export function App() {
  const styles = useStyles();
  const [connection, setConnection] = useState<TeamsConnection | null>(null);
  const [theme, setTheme] = useState<TeamsTheme>(systemTheme);

  useEffect(() => {
    let isCurrent = true;
    void connectToTeams().then((result) => {
      if (!isCurrent) return;
      setConnection(result);
      if (result.kind === "inTeams") {
        setTheme(result.context.theme);
        notifyAppLoaded();
      }
    });
    return () => {
      isCurrent = false;
    };
  }, []);

  useEffect(() => {
    if (connection?.kind !== "inTeams") return;
    return onThemeChange(setTheme);
  }, [connection]);

  const locale = resolveLocale(connection?.kind === "inTeams" ? connection.context.locale : navigator.language);
  const strings = stringsFor(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <StringsContext.Provider value={strings}>
      <FluentProvider theme={fluentThemes[theme]} className={styles.root} data-theme={theme}>
        <SurfaceErrorBoundary>
          <Suspense fallback={<LoadingState label={strings.t("app.loadingView")} />}>
            {connection ? <SurfaceRouter connection={connection} /> : <LoadingState label={strings.t("app.connectingToTeams")} />}
          </Suspense>
        </SurfaceErrorBoundary>
      </FluentProvider>
    </StringsContext.Provider>
  );
}

/** Outside Teams there is no Teams theme: follow the system's, so the explanation page is not a glaring white box at night. */
function systemTheme(): TeamsTheme {
  if (typeof window.matchMedia !== "function") return "default";
  if (window.matchMedia("(forced-colors: active)").matches) return "contrast";
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "default";
}
