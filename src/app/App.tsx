import { Suspense, useEffect, useRef, useState } from "react";
import { FluentProvider, makeStyles, tokens, type Theme } from "@fluentui/react-components";
import { connectToTeams, notifyAppLoaded } from "../teams/connectToTeams.ts";
import type { TeamsConnection, TeamsTheme } from "../teams/hostContext.ts";
import { onThemeChange } from "../teams/theme.ts";
import { LoadingState } from "./components/LoadingState.tsx";
import { SurfaceErrorBoundary } from "./components/SurfaceErrorBoundary.tsx";
import { loadedStrings, loadStrings, resolveLocale, type Locale, type Strings } from "./i18n/strings.ts";
import { StringsContext } from "./i18n/useStrings.ts";
import { legalPageFor } from "./surface.ts";
import { LazyLegalPage } from "./surfaces/lazySurfaces.ts";
import { SurfaceRouter } from "./SurfaceRouter.tsx";
import { loadedFluentTheme, loadFluentTheme } from "./theme.ts";

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
});

/** What the shell shows with: every field is ready to render (catalogs and themes are loaded before they get here). */
interface Shell {
  /** Null while Teams has not answered yet. */
  connection: TeamsConnection | null;
  strings: Strings;
  theme: TeamsTheme;
  fluentTheme: Theme;
}

/**
 * The tab's shell: connects to Teams, follows its theme and language, and shows the surface for
 * where it runs. The privacy statement and terms of use are shown from the path alone, without Teams.
 */
export function App() {
  const styles = useStyles();
  const [legalPage] = useState(() => legalPageFor(window.location.pathname));
  const [shell, setShell] = useState<Shell | null>(() => readyShell(resolveLocale(navigator.language), systemTheme()));
  const requestedTheme = useRef<TeamsTheme | null>(null);

  useEffect(() => {
    let isCurrent = true;
    void prepareShell(null, resolveLocale(navigator.language), systemTheme()).then((prepared) => {
      if (isCurrent) setShell((current) => current ?? prepared);
    });
    if (legalPage) {
      return () => {
        isCurrent = false;
      };
    }
    void connectToTeams().then(async (connection) => {
      const inTeams = connection.kind === "inTeams" ? connection.context : null;
      // the surface's first render waits for its language and theme, so it never flashes the wrong ones
      const prepared = await prepareShell(connection, resolveLocale(inTeams?.locale ?? navigator.language), inTeams?.theme ?? systemTheme());
      if (!isCurrent) return;
      setShell(prepared);
      if (inTeams) notifyAppLoaded();
    });
    return () => {
      isCurrent = false;
    };
  }, [legalPage]);

  const isInTeams = shell?.connection?.kind === "inTeams";
  useEffect(() => {
    if (!isInTeams) return;
    return onThemeChange((theme) => {
      requestedTheme.current = theme;
      void loadFluentTheme(theme).then((fluentTheme) => {
        // a slower download must not undo a later switch
        if (requestedTheme.current === theme) setShell((current) => current && { ...current, theme, fluentTheme });
      });
    });
  }, [isInTeams]);

  const locale = shell?.strings.locale;
  useEffect(() => {
    if (locale) document.documentElement.lang = locale;
  }, [locale]);

  // only a French reader or a dark or high-contrast system waits here, for a small file from the same server
  if (!shell) return null;
  const { connection, strings, theme, fluentTheme } = shell;
  return (
    <StringsContext.Provider value={strings}>
      <FluentProvider theme={fluentTheme} className={styles.root} data-theme={theme}>
        <SurfaceErrorBoundary>
          <Suspense fallback={<LoadingState label={strings.t("app.loadingView")} />}>
            {legalPage ? (
              <LazyLegalPage page={legalPage} />
            ) : connection ? (
              <SurfaceRouter connection={connection} />
            ) : (
              <LoadingState label={strings.t("app.connectingToTeams")} />
            )}
          </Suspense>
        </SurfaceErrorBoundary>
      </FluentProvider>
    </StringsContext.Provider>
  );
}

/** The shell for a language and theme whose files are already here, or null when one must be downloaded first. */
function readyShell(locale: Locale, theme: TeamsTheme): Shell | null {
  const strings = loadedStrings(locale);
  const fluentTheme = loadedFluentTheme(theme);
  return strings && fluentTheme ? { connection: null, strings, theme, fluentTheme } : null;
}

async function prepareShell(connection: TeamsConnection | null, locale: Locale, theme: TeamsTheme): Promise<Shell> {
  const [strings, fluentTheme] = await Promise.all([loadStrings(locale), loadFluentTheme(theme)]);
  return { connection, strings, theme, fluentTheme };
}

/** Outside Teams there is no Teams theme: follow the system's, so the explanation page is not a glaring white box at night. */
function systemTheme(): TeamsTheme {
  if (typeof window.matchMedia !== "function") return "default";
  if (window.matchMedia("(forced-colors: active)").matches) return "contrast";
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "default";
}
