import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// One chunk with what loads before any surface can draw (React DOM, the app shell) and the code
// every surface shares (rules, wire contract, connection, hooks, common components), rather than an
// entry chunk plus many slivers that each cost a request, their own wrapper bytes and a fresh gzip
// dictionary. The side panel and the stage also share the live meeting's clocks.
const sharedModule = new RegExp(
  [
    String.raw`node_modules/react-dom/`,
    String.raw`src/app/App\.tsx`,
    String.raw`src/domain/(meeting|roles|agenda|facilitation|prework)/`,
    String.raw`src/domain/queue/(order|rounds|floorTime|wait)\.ts`,
    String.raw`src/protocol/`,
    String.raw`src/app/(hooks|realtime)/`,
    String.raw`src/app/components/[^/]+$`,
    String.raw`src/app/components/facilitation/(PhaseCountdown|roomView|countdown|ServerElapsedTime)\.`,
    String.raw`src/app/components/queue/TurnClock\.`,
    String.raw`src/app/i18n/interpolateNodes\.`,
  ].join("|"),
);
// What only the stage and the meeting tab use stays out: in the shared chunk the side panel would download it too.
const notShared = /src\/(domain\/agenda\/templates|domain\/prework\/selectors|app\/components\/ElapsedTime)\./;

/**
 * Two builds from one config. The default builds the tab into dist/client, which production serves.
 * `--mode simulator` builds the local meeting simulator into dist/dev, which only development serves.
 */
export default defineConfig(({ mode }) =>
  mode === "simulator"
    ? {
        root: "server/dev/simulator/client",
        base: "/dev/meeting/",
        build: { outDir: "../../../../dist/dev", emptyOutDir: true },
      }
    : {
        plugins: [react()],
        root: "src/app",
        base: "/",
        publicDir: false,
        build: {
          outDir: "../../dist/client",
          emptyOutDir: true,
          manifest: true,
          sourcemap: true,
          rolldownOptions: {
            output: {
              codeSplitting: {
                // domain modules only lazy parts use (equity, commitments) stay in those parts' chunks
                groups: [{ name: "shared", test: (id: string) => sharedModule.test(id) && !notShared.test(id) }],
              },
            },
          },
        },
      },
);
