import { describe, expect, test } from "vitest";
import { addressBucket, forwardedClientAddress, parseTrustProxy, resolveClientAddress } from "./client-address";

test.each([
  [undefined, 0],
  ["", 0],
  ["false", 0],
  ["0", 0],
  ["true", 1],
  ["TRUE", 1],
  ["2", 2],
  ["10", 10],
  ["yes", null],
  ["11", null],
  ["-1", null],
  ["1.5", null],
])("parseTrustProxy(%j) = %j", (value, expected) => {
  expect(parseTrustProxy(value)).toBe(expected);
});

describe("resolveClientAddress", () => {
  test.each<[string, string | string[] | undefined, number, string]>([
    ["no proxy: the socket, whatever the client claims", "198.51.100.7", 0, "192.0.2.10"],
    ["no proxy, no header", undefined, 0, "192.0.2.10"],
    ["one proxy: what it appended", "198.51.100.7", 1, "198.51.100.7"],
    ["one proxy: entries the client wrote are skipped", "1.1.1.1, 2.2.2.2, 198.51.100.7", 1, "198.51.100.7"],
    ["one proxy, headers repeated", ["1.1.1.1", "198.51.100.7"], 1, "198.51.100.7"],
    ["two proxies: the entry the outer one appended", "1.1.1.1, 198.51.100.7, 203.0.113.9", 2, "198.51.100.7"],
    ["a proxy trusted but bypassed: the socket", undefined, 1, "192.0.2.10"],
    ["fewer entries than trusted proxies: the socket", "198.51.100.7", 2, "192.0.2.10"],
    ["empty entries are ignored", " , 198.51.100.7 ,", 1, "198.51.100.7"],
  ])("%s", (_case, forwardedFor, trustedProxies, expected) => {
    expect(resolveClientAddress({ forwardedFor, socketAddress: "192.0.2.10", trustedProxies })).toBe(expected);
  });
});

test.each<[string | string[] | undefined, string]>([
  ["192.0.2.10", "192.0.2.10"],
  ["1.1.1.1, 192.0.2.10", "192.0.2.10"],
  [["1.1.1.1", "192.0.2.10"], "192.0.2.10"],
  [undefined, "unknown"],
  ["", "unknown"],
])("forwardedClientAddress(%j) = %s", (header, expected) => {
  expect(forwardedClientAddress(header)).toBe(expected);
});

test.each([
  ["192.0.2.10", "192.0.2.10"],
  [" 192.0.2.10 ", "192.0.2.10"],
  ["::ffff:192.0.2.10", "192.0.2.10"],
  ["::FFFF:c000:020a", "192.0.2.10"],
  ["127.0.0.1", "127.0.0.1"],
  ["::1", "::1"],
  ["[::1]", "::1"],
  ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
  ["2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"],
  ["2001:0DB8:0001:0002::1", "2001:db8:1:2::/64"],
  ["2001:db8::1", "2001:db8:0:0::/64"],
  ["fe80::1%eth0", "fe80:0:0:0::/64"],
  ["64:ff9b::192.0.2.10", "64:ff9b:0:0::/64"],
  ["256.0.0.1", "unknown"],
  ["1.2.3", "unknown"],
  ["01.2.3.4", "unknown"],
  ["2001:db8::1::2", "unknown"],
  ["2001:db8:1:2:3:4:5:6:7", "unknown"],
  ["12345::1", "unknown"],
  ["evil.example", "unknown"],
  ["", "unknown"],
])("addressBucket(%j) = %s", (address, bucket) => {
  expect(addressBucket(address)).toBe(bucket);
});
