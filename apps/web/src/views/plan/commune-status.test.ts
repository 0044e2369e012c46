import { describe, expect, it } from 'vitest';
import { communeStatus } from './commune-status.ts';

// The province's scenario of 14 March to 30 June 2022 (e2e/planner.e2e.ts), every plan on time:
// Krông Nô (664) reports its total and forecasts 9 October, Tuy Đức (667) 24 April, Cư Jút (662)
// sent none. The map's colours are the badges': red late, green on time, amber without machines.
const DEADLINE = '2022-06-30';
const RED = '#b91c1c';
const GREEN = '#15803d';
const AMBER = '#a16207';

const parentOf = new Map([
  ['67', null],
  ['664', '67'],
  ['667', '67'],
  ['662', '67'],
  ['24688', '664'], // Thị trấn Đắk Mâm
  ['24691', '664'], // Xã Đắk Sôr
  ['24736', '667'], // Xã Quảng Trực
  ['24640', '662'], // Thị trấn Ea T'Ling
]);

describe('communeStatus', () => {
  it('paints late by Krông Nô’s reports a commune of it planned on time that reports nothing of its own', () => {
    const forecastOf = new Map([
      ['664', '2022-10-09'],
      ['667', '2022-04-24'],
    ]);
    expect(communeStatus('24688', 'ON_TIME', forecastOf, parentOf, DEADLINE)).toEqual({
      status: 'LATE',
      byReports: true,
      reportsOf: '664',
      colour: RED,
    });
    expect(communeStatus('24736', 'ON_TIME', forecastOf, parentOf, DEADLINE)).toEqual({
      status: 'ON_TIME',
      byReports: true,
      reportsOf: '667',
      colour: GREEN,
    });
  });

  it('paints a commune by its own reports’ forecast before its district’s', () => {
    const forecastOf = new Map([
      ['664', '2022-10-09'],
      ['24691', '2022-05-20'],
      ['24688', '2022-07-01'],
    ]);
    expect(communeStatus('24691', 'ON_TIME', forecastOf, parentOf, DEADLINE)).toEqual({
      status: 'ON_TIME',
      byReports: true,
      reportsOf: null,
      colour: GREEN,
    });
    // A day after the deadline is late, whatever the plan said.
    expect(communeStatus('24688', 'ON_TIME', forecastOf, parentOf, DEADLINE)).toEqual({
      status: 'LATE',
      byReports: true,
      reportsOf: null,
      colour: RED,
    });
  });

  it('passes over an area whose reports forecast nothing yet, up to the province’s', () => {
    const forecastOf = new Map<string, string | null>([
      ['24640', null],
      ['662', null],
      ['67', '2022-06-30'],
    ]);
    expect(communeStatus('24640', 'LATE', forecastOf, parentOf, DEADLINE)).toEqual({
      status: 'ON_TIME',
      byReports: true,
      reportsOf: '67',
      colour: GREEN,
    });
  });

  it('keeps the saved plan’s status and colour where no report above the commune forecasts', () => {
    const forecastOf = new Map([['667', '2022-04-24']]);
    expect(communeStatus('24640', 'ON_TIME', forecastOf, parentOf, DEADLINE)).toEqual({
      status: 'ON_TIME',
      byReports: false,
      reportsOf: null,
      colour: GREEN,
    });
    expect(communeStatus('24640', 'NO_MACHINES', forecastOf, parentOf, DEADLINE)).toEqual({
      status: 'NO_MACHINES',
      byReports: false,
      reportsOf: null,
      colour: AMBER,
    });
    expect(communeStatus('24640', 'LATE', new Map(), parentOf, DEADLINE)).toEqual({
      status: 'LATE',
      byReports: false,
      reportsOf: null,
      colour: RED,
    });
  });
});
