import { Component, type ReactNode } from "react";
import { Button } from "@fluentui/react-components";
import { StringsContext } from "../i18n/useStrings.ts";
import type { Strings } from "../i18n/strings.ts";
import { MessagePage } from "./MessagePage.tsx";

/** Props of {@link SurfaceErrorBoundary}. */
export interface SurfaceErrorBoundaryProps {
  children: ReactNode;
}

interface SurfaceErrorBoundaryState {
  hasFailed: boolean;
}

/**
 * Catches a surface that failed to download or render, so the user sees what happened and a way
 * out (reload) instead of a blank panel.
 */
export class SurfaceErrorBoundary extends Component<SurfaceErrorBoundaryProps, SurfaceErrorBoundaryState> {
  static override contextType = StringsContext;
  declare context: Strings;
  override state: SurfaceErrorBoundaryState = { hasFailed: false };

  static getDerivedStateFromError(): SurfaceErrorBoundaryState {
    return { hasFailed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error("Concord: a surface failed", error);
  }

  override render() {
    if (!this.state.hasFailed) return this.props.children;
    const strings = this.context;
    return (
      <MessagePage title={strings.t("app.loadFailedTitle")}>
        <p>{strings.t("app.loadFailedBody")}</p>
        <div>
          <Button appearance="primary" onClick={() => window.location.reload()}>
            {strings.t("app.reload")}
          </Button>
        </div>
      </MessagePage>
    );
  }
}
