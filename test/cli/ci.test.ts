// Ink 6 stops redrawing when is-in-ci 2 says CI; the dashboard must decide the same way.
import { describe, expect, it } from "vitest";
import { inCi, leaveCi } from "../../src/cli/ci.js";

describe("inCi", () => {
  it("follows CI and CONTINUOUS_INTEGRATION unless set to 0 or false", () => {
    expect(inCi({})).toBe(false);
    expect(inCi({ CI: "true" })).toBe(true);
    expect(inCi({ CI: "" })).toBe(true);
    expect(inCi({ CI: "0" })).toBe(false);
    expect(inCi({ CI: "false" })).toBe(false);
    expect(inCi({ CI: "false", CONTINUOUS_INTEGRATION: "true" })).toBe(true);
    expect(inCi({ CONTINUOUS_INTEGRATION: "0" })).toBe(false);
  });

  it("does not count other CI_ variables, which is-in-ci 2 ignores", () => {
    expect(inCi({ CI_PIPELINE_ID: "7", CI_JOB_NAME: "docs" })).toBe(false);
  });

  it("leaves CI for Ink by removing just those two variables", () => {
    const env = { CI: "1", CONTINUOUS_INTEGRATION: "1", CI_JOB_NAME: "docs", PATH: "/bin" };
    leaveCi(env);
    expect(env).toEqual({ CI_JOB_NAME: "docs", PATH: "/bin" });
    expect(inCi(env)).toBe(false);
  });
});
