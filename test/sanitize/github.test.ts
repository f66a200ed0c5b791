import { describe, expect, it } from "vitest";
import {
  escapeData,
  escapeProperty,
  inertLine,
  stopCommandsToken,
  withStoppedCommands,
  workflowCommand,
} from "../../src/sanitize/github.js";
import { visible } from "../../src/sanitize/terminal.js";
import { parseWorkflowCommand } from "../helpers/actions-runner.js";
import { firstForbidden, fuzzStrings } from "./fuzz.js";

/** Whether the runner (either syntax) or the log viewer would treat the line as special. */
const looksLikeCommand = (line: string) =>
  line.trimStart().startsWith("::") || line.includes("##[");

const HOSTILE = "50%\n::error::pwned\r\n##[error]x\x1b[31m, a:b";

describe("escapeData", () => {
  it("keeps a message on one line, with line breaks shown as \\n", () => {
    expect(escapeData(HOSTILE)).toBe("50%25\\n::error::pwned\\r\\n##\\[error]x\\x1b[31m, a:b");
  });

  it("multiline: encodes CRLF/CR/LF as %0A and makes every line inert", () => {
    expect(escapeData(HOSTILE, { multiline: true })).toBe(
      "50%25%0A\\::error::pwned%0A##\\[error]x\\x1b[31m, a:b",
    );
    expect(escapeData("a\rb\n\nc", { multiline: true })).toBe("a%0Ab%0A%0Ac");
  });

  it("escapes % so %0A and %25 in the input survive the runner's decoding", () => {
    expect(escapeData("%0A%25%")).toBe("%250A%2525%25");
    expect(parseWorkflowCommand(`::notice::${escapeData("%0A%25%")}`)?.data).toBe("%0A%25%");
  });

  it("leaves C1 and bidi controls visible, never raw", () => {
    expect(escapeData("\x9b31m\u202eabc")).toBe("\\u009b31m\\u202eabc");
  });
});

describe("escapeProperty", () => {
  it("escapes %, :, , and shows controls", () => {
    expect(escapeProperty("docs/a,b:c%.md")).toBe("docs/a%2Cb%3Ac%25.md");
    expect(escapeProperty("t\r\n::x\x1b")).toBe("t\\r\\n%3A%3Ax\\x1b");
  });
});

describe("workflowCommand", () => {
  it("builds one exact line", () => {
    expect(
      workflowCommand("warning", { file: "docs/fr/a,b:c.md", line: 3, title: "Outdated" }, "hi"),
    ).toBe("::warning file=docs/fr/a%2Cb%3Ac.md,line=3,title=Outdated::hi");
    expect(workflowCommand("notice", {}, "plain")).toBe("::notice::plain");
    expect(workflowCommand("error", { file: undefined, title: "", line: 0 }, "m")).toBe(
      "::error line=0::m",
    );
  });

  it("keeps hostile input inside one line that the runner parses back to the visible text", () => {
    const file = "docs/x,line=99,title=fake::error::y\n##[group]%0A.md";
    const title = "::error file=z::t\r\n##[warning]";
    const line = workflowCommand("error", { file, line: 7, title }, HOSTILE);
    expect(line).toBe(
      "::error file=docs/x%2Cline=99%2Ctitle=fake%3A%3Aerror%3A%3Ay\\n##[group]%250A.md,line=7," +
        "title=%3A%3Aerror file=z%3A%3At\\r\\n##[warning]" +
        "::50%25\\n::error::pwned\\r\\n##\\[error]x\\x1b[31m, a:b",
    );
    expect(line.split("\n")).toHaveLength(1);
    expect(line.includes("\r")).toBe(false);
    expect(parseWorkflowCommand(line)).toEqual({
      command: "error",
      props: { file: visible(file), line: "7", title: visible(title) },
      data: "50%\\n::error::pwned\\r\\n##\\[error]x\\x1b[31m, a:b",
    });
  });

  it("round-trips generated properties and messages through the runner's parser", () => {
    for (const s of fuzzStrings(42, 1000)) {
      const line = workflowCommand("warning", { file: s, title: s }, s);
      expect(line).not.toMatch(/[\r\n]/);
      expect(firstForbidden(line)).toBeNull();
      const parsed = parseWorkflowCommand(line);
      expect(parsed?.command).toBe("warning");
      expect(parsed?.data).toBe(inertLine(s));
      if (s !== "") expect(parsed?.props).toEqual({ file: visible(s), title: visible(s) });
    }
  });

  it("rejects property names and commands that are not ours", () => {
    expect(() => workflowCommand("warning", { "a,b": "x" }, "m")).toThrow(/property name/);
    expect(() => workflowCommand("warning", { "a=b": "x" }, "m")).toThrow(/property name/);
    expect(() => workflowCommand("set-output" as "error", {}, "m")).toThrow(/annotation/);
    expect(() => workflowCommand("error", { line: Number.NaN }, "m")).toThrow(RangeError);
  });
});

describe("inertLine", () => {
  it.each([
    ["::error::x", "\\::error::x"],
    ["  \u00a0::set-output name=a::b", "  \u00a0\\::set-output name=a::b"],
    ["ok ##[add-mask]secret ##[group]", "ok ##\\[add-mask]secret ##\\[group]"],
    ["a::b", "a::b"],
    ["\x1b::x", "\\x1b::x"],
  ])("inertLine(%j) is %j", (input, expected) => {
    expect(inertLine(input)).toBe(expected);
    expect(inertLine(expected)).toBe(expected);
  });
});

describe("stop-commands", () => {
  it("makes a fresh 32-hex-digit token each time", () => {
    const a = stopCommandsToken();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(stopCommandsToken()).not.toBe(a);
  });

  it("wraps untrusted lines so only the stop and resume lines look like commands", () => {
    const token = "0123456789abcdef0123456789abcdef";
    const out = withStoppedCommands(token, [
      "::error::pwned",
      `::${token}::`,
      "   ::add-mask::x",
      "##[group]hidden",
      "two\nlines\r",
      "\x1b]0;title\x07",
    ]);
    expect(out).toBe(
      [
        `::stop-commands::${token}`,
        "\\::error::pwned",
        `\\::${token}::`,
        "   \\::add-mask::x",
        "##\\[group]hidden",
        "two\\nlines\\r",
        "\\x1b]0;title\\x07",
        `::${token}::`,
        "",
      ].join("\n"),
    );
    const lines = out.split("\n");
    const special = lines.filter(looksLikeCommand);
    expect(special).toEqual([`::stop-commands::${token}`, `::${token}::`]);
  });

  it("keeps generated lines inert and one output line per item", () => {
    const token = stopCommandsToken();
    const items = fuzzStrings(99, 500);
    const lines = withStoppedCommands(token, items).split("\n");
    expect(lines).toHaveLength(items.length + 3);
    expect(lines.slice(1, -2).filter(looksLikeCommand)).toEqual([]);
  });

  it("refuses a weak token", () => {
    expect(() => withStoppedCommands("abc", [])).toThrow(/token/);
    expect(() => withStoppedCommands("0123456789ABCDEF0123456789ABCDEF", [])).toThrow(/token/);
    expect(() => withStoppedCommands("error::x".padEnd(40, "0"), [])).toThrow(/token/);
  });
});
