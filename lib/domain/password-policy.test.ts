import { describe, expect, test } from "vitest";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "./password-policy";

describe("passwordProblem", () => {
  test.each([
    ["short", /at least 12 characters \(this one has 5\)/],
    ["demo-password-2026", /published in the demo instructions/],
    ["password1234", /too easy to guess/],
    ["qwertyuiop123", /too easy to guess/],
    ["123456789012", /too easy to guess/],
    ["x".repeat(257), /at most 256/],
  ])("refuses %j", (password, reason) => {
    expect(passwordProblem(password)).toMatch(reason);
  });

  test("refuses a password made of the person's own name and e-mail", () => {
    expect(passwordProblem("claire.dubois2026", { email: "claire.dubois@nato.int", name: "Claire Dubois" })).toMatch(/name and e-mail/);
    expect(passwordProblem("violet DUBOIS tram kettle", { name: "Claire Dubois" })).toMatch(/name and e-mail/);
  });

  test.each(["violet tram orbit kettle", "Brussels-ferry-7-lantern", "correct horse battery staple mauve"])("accepts %j", (password) => {
    expect(password.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
    expect(passwordProblem(password, { email: "someone@eu.test", name: "Some One" })).toBeNull();
  });
});
