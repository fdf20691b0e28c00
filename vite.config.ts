import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

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
              // Code every surface shares (rules, wire contract, connection, hooks) in one chunk
              // rather than many slivers that each cost a request and their own wrapper bytes.
              codeSplitting: {
                // domain modules only lazy parts use (equity, commitments) stay in those parts' chunks
                groups: [
                  {
                    name: "shared",
                    test: /src\/(domain\/(meeting|roles|agenda|facilitation|prework)\/|domain\/queue\/(order|rounds|floorTime|wait)\.ts|protocol\/|app\/(hooks|realtime)\/|app\/components\/[^/]+$)/,
                  },
                ],
              },
            },
          },
        },
      },
);
