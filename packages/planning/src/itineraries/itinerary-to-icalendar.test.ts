import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { PlanningInputError } from '../errors/planning-input-error.ts';
import {
  asMobileCommunes,
  communesOf,
  HUNG_NGUYEN_SERVICE,
  identicalTeams,
  TEAMS_OF_ONE_AND_TWO_CREWS,
} from './_fixtures/mountain-communes.ts';
import { itineraryToICalendar } from './itinerary-to-icalendar.ts';
import { planMobileTeams } from './plan-mobile-teams.ts';
import type { MobilePlan, PlanMobileTeamsInput } from './types.ts';

const VN = 'Asia/Ho_Chi_Minh';

/** Tuy Đức (Đắk Nông), 6 communes, 3 teams from the district seat at Đắk Búk So. */
function tuyDuc(): MobilePlan {
  const communes = communesOf('667');
  const seat = communes.find((c) => c.communeCode === '24739');
  if (seat === undefined) throw new Error('fixture lost Đắk Búk So');
  const input: PlanMobileTeamsInput = {
    calendar: { start: '2021-03-22', deadline: '2021-04-30', timeZone: VN },
    teams: identicalTeams(3, 2),
    service: HUNG_NGUYEN_SERVICE,
    home: seat,
    maxDaysPerVisit: 5,
    communes: asMobileCommunes(communes),
  };
  const plan = planMobileTeams(input);
  if (plan.status !== 'planned') throw new Error('expected a plan');
  return plan;
}

/** Parses with ical.js (a real RFC 5545 parser): each event's UID, summary, and all-day dates. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      description: event.description,
      allDay: event.startDate.isDate && event.endDate.isDate,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
    };
  });
}

describe('itineraryToICalendar', () => {
  it('gives each visit of a team one all-day event from its arrival to its departure, both included', () => {
    const plan = tuyDuc();
    const team = plan.teams[0];
    if (team === undefined) throw new Error('no team');
    const events = parse(itineraryToICalendar(plan, team.team, { uidScope: 'dak-nong-2021', timeZone: VN }));
    expect(team.visits.length).toBeGreaterThan(1);
    expect(events).toHaveLength(team.visits.length);
    events.forEach((event, i) => {
      const visit = team.visits[i];
      expect(event.allDay).toBe(true);
      expect(event.start).toBe(visit?.arriveDate);
      // ical.js reads DTEND of an all-day event as the day after the last one.
      const last = new Date(`${event.end}T00:00:00Z`);
      last.setUTCDate(last.getUTCDate() - 1);
      expect(last.toISOString().slice(0, 10)).toBe(visit?.leaveDate);
      const nth = team.visits.slice(0, i + 1).filter((v) => v.communeId === visit?.communeId).length;
      expect(event.uid).toBe(`dak-nong-2021/team-1/${visit?.communeId}/visit-${nth}@muster.itinerary`);
      expect(event.description).toContain(`Expected dossiers: ${visit?.dossiers}`);
    });
    const names = new Map(communesOf('667').map((c) => [c.communeCode, c.communeName]));
    expect(events[0]?.summary).toBe(`${names.get(team.visits[0]?.communeId ?? '')} — team-1`);
  });

  it('splits a stay its crews stand down in the middle of, so no event covers a day off', () => {
    // One commune at home, 2,346 dossiers, 12-hour days; team `one` has one crew, `two` two. By hand
    // (as in plan-mobile-teams.test.ts): both stay 22–29 March; one crew works at most 4 days of
    // 12 h in any 7, so team one stands down 26–28 March, and team two's crews work every day.
    const result = planMobileTeams(TEAMS_OF_ONE_AND_TWO_CREWS);
    if (result.status !== 'planned') throw new Error('expected a plan');
    const spans = (team: string) =>
      parse(itineraryToICalendar(result, team, { uidScope: 's' })).map((e) => [e.uid, e.start, e.end]);
    // DTEND is the day after the last (ical.js reads it as given).
    expect(spans('one')).toEqual([
      ['s/one/A/visit-1@muster.itinerary', '2021-03-22', '2021-03-26'],
      ['s/one/A/visit-1-part-2@muster.itinerary', '2021-03-29', '2021-03-30'],
    ]);
    expect(spans('two')).toEqual([['s/two/A/visit-1@muster.itinerary', '2021-03-22', '2021-03-30']]);
    const [first] = parse(itineraryToICalendar(result, 'one'));
    expect(first?.description).toContain('Part 1 of 2 of the stay 2021-03-22 – 2021-03-29');
  });

  it('writes the events in Vietnamese for the field’s phones, the same events and dates', () => {
    const plan = tuyDuc();
    const team = plan.teams[0];
    if (team === undefined) throw new Error('no team');
    const english = parse(itineraryToICalendar(plan, team.team, { uidScope: 's' }));
    const text = itineraryToICalendar(plan, team.team, { uidScope: 's', language: 'vi' });
    const vietnamese = parse(text);
    const names = new Map(communesOf('667').map((c) => [c.communeCode, c.communeName]));
    expect(vietnamese.map((e) => [e.uid, e.summary, e.start, e.end])).toEqual(
      english.map((e) => [e.uid, e.summary, e.start, e.end]),
    );
    expect(text).toContain('X-WR-CALNAME:Lịch lưu động — team-1');
    // The visit's hours to a tenth as Vietnamese writes them (ICU's vi locale: a decimal comma).
    const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, useGrouping: false });
    vietnamese.forEach((event, i) => {
      const visit = team.visits[i];
      // Named, with its code: a town (thị trấn) is no xã.
      expect(event.description).toContain(
        `${names.get(visit?.communeId ?? '')} (mã ${visit?.communeId}), ${visit?.days} ngày mở cửa.`,
      );
      expect(event.description).toContain(
        `Di chuyển trước: ${vi.format(visit?.travelHoursBefore ?? Number.NaN)} giờ. Làm việc: ${vi.format(visit?.workHours ?? Number.NaN)} giờ.`,
      );
      // Counts with Vietnamese thousands points (4.630), as ICU's vi locale groups them.
      expect(event.description).toContain(
        `Số hồ sơ dự kiến: ${new Intl.NumberFormat('vi-VN').format(visit?.dossiers ?? Number.NaN)}`,
      );
      expect(event.description).not.toMatch(/Commune|Drive|Work|Expected|Also serves/);
    });
    // Some visit takes a thousand dossiers or more, so the thousands point is seen.
    expect(team.visits.some((visit) => visit.dossiers >= 1000)).toBe(true);
    // Some visit's hours are not whole, so the comma is seen.
    expect(vietnamese.some((event) => /\d,\d giờ/.test(event.description ?? ''))).toBe(true);
    const split = planMobileTeams(TEAMS_OF_ONE_AND_TWO_CREWS);
    if (split.status !== 'planned') throw new Error('expected a plan');
    const [first] = parse(itineraryToICalendar(split, 'one', { language: 'vi' }));
    expect(first?.description).toContain('Phần 1/2 của đợt 2021-03-22 – 2021-03-29: tổ nghỉ giữa các phần.');
    expect(() => itineraryToICalendar(plan, team.team, { language: 'fr' as 'vi' })).toThrow(
      /^language must be en or vi/,
    );
  });

  it('gives the same bytes twice, distinct UIDs, CRLF line ends and names the time zone', () => {
    const plan = tuyDuc();
    const a = itineraryToICalendar(plan, 'team-2', { uidScope: 's', timeZone: VN });
    expect(itineraryToICalendar(plan, 'team-2', { uidScope: 's', timeZone: VN })).toBe(a);
    expect(a.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(a).toContain('\r\nX-WR-TIMEZONE:Asia/Ho_Chi_Minh\r\n');
    const uids = parse(a).map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('keeps a commune name with commas and semicolons intact and folds lines at 75 octets', () => {
    const name = 'Xã Quảng Trực; biên giới, huyện Tuy Đức, tỉnh Đắk Nông — điểm cấp căn cước lưu động';
    const plan = planMobileTeams({
      calendar: { start: '2021-03-22', deadline: '2021-03-31', timeZone: VN },
      teams: identicalTeams(1, 2),
      service: HUNG_NGUYEN_SERVICE,
      home: { latitude: 12.0, longitude: 107.7 },
      communes: [{ id: '24736', name, demand: 408, location: { latitude: 12.1, longitude: 107.7 } }],
    });
    if (plan.status !== 'planned') throw new Error('expected a plan');
    const text = itineraryToICalendar(plan, 'team-1');
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(parse(text)[0]).toMatchObject({
      summary: `${name} — team-1`,
      location: name,
      uid: 'team-1/24736/visit-1@muster.itinerary',
    });
  });

  it('refuses a team that is not in the plan and a time zone that does not exist', () => {
    const plan = tuyDuc();
    expect(() => itineraryToICalendar(plan, 'team-9')).toThrow(PlanningInputError);
    expect(() => itineraryToICalendar(plan, 'team-9')).toThrow(/^team must be one of the plan’s teams/);
    expect(() => itineraryToICalendar(plan, 'team-1', { timeZone: 'Mars/Olympus' })).toThrow(
      /^timeZone must be an IANA time zone/,
    );
  });
});
