/** The least configuration that starts Concord in production mode, for tests of what production refuses. */
export const MINIMAL_PRODUCTION_ENV = {
  ENTRA_CLIENT_ID: "6f0b1d8e-4c1f-4b8e-9a3c-2d5e7f901234",
  ENTRA_ALLOWED_TENANTS: "*",
  PUBLIC_ORIGIN: "https://concord.example.com",
  BOT_APP_ID: "bot",
  BOT_APP_SECRET: "secret",
  TEAMS_SERVICE_URL: "https://smba.trafficmanager.net/amer/",
} as const;
