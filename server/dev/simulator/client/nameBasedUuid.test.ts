import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUuid, sha1, uuidV5 } from "./nameBasedUuid.ts";

const DNS_NAMESPACE = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

describe("sha1", () => {
  it("matches Node's SHA-1 for any bytes, including lengths around the 64-byte block edges", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Buffer.from(sha1(bytes)).toString("hex")).toBe(createHash("sha1").update(bytes).digest("hex"));
      }),
    );
  });
});

describe("uuidV5", () => {
  it("gives the RFC's own example and Python's uuid5 answers", () => {
    expect(uuidV5(DNS_NAMESPACE, "www.example.com")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    // python3 -c "import uuid; print(uuid.uuid5(uuid.UUID('c0c0de00-5eed-4a11-8d00-00000000c0de'), 'avery chen'))"
    expect(uuidV5("c0c0de00-5eed-4a11-8d00-00000000c0de", "avery chen")).toBe("a1dee632-422f-5f8a-bfcb-f9e2483f98ea");
    expect(uuidV5("c0c0de00-5eed-4a11-8d00-00000000c0de", "é")).toBe("0400c454-1603-5ca7-aa6c-fc7c7bc2e8c0");
  });

  it("always yields a version 5, RFC-variant UUID", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.string(), (namespace, name) => {
        const id = uuidV5(namespace, name);
        expect(isUuid(id)).toBe(true);
        expect(id[14]).toBe("5");
        expect("89ab").toContain(id[19]);
      }),
    );
  });

  it("refuses a namespace that is not a UUID", () => {
    expect(() => uuidV5("not-a-uuid", "x")).toThrow(/namespace must be a UUID/);
  });
});
