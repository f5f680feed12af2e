/**
 * The number formats a reader expects, shared by tables, cards and the deal browser: billions with $ and
 * one decimal, percentages, ISO dates, multiples. Excel format codes, en-US.
 */
export const FORMATS = {
  text: "General",
  usdBillions: '$#,##0.0,,,"B"',
  percent: "0.0%",
  date: "yyyy-mm-dd",
  multiple: '0.00"x"',
  count: "0",
} as const;
