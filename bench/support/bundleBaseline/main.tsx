import { createRoot } from "react-dom/client";
import { Button, FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { app } from "@microsoft/teams-js";

// The yardstick for the side panel's initial JavaScript: the least a Fluent UI v9 tab that talks to
// Teams can ship, built with the same Vite configuration as Concord's tab.
void app.initialize();
createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={teamsLightTheme}>
    <Button appearance="primary">Hello</Button>
  </FluentProvider>,
);
