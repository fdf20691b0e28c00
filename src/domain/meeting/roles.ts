// Kept as the meeting's entry point for who-may-do-what; the rules live in ../roles/holders.ts.
export { isFacilitator, isPresent } from "../roles/holders.ts";
