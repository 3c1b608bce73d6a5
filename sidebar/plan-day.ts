/**
 * The signed 60-day plan in the Grade view: "Day N of 60", day 1 being the
 * first signing day, counted to today in the spreadsheet's zone (the server
 * sends both as that zone's dates), and the day it was signed.
 */
import {daysBetween} from '../src/domain/calendar';
import type {SidebarData} from '../src/domain/sidebar/types';
import {h} from './dom';
import {dayLabel} from './format';

export function planDayLine(data: SidebarData): HTMLElement | null {
  const plan = data.scorecard.record.plan;
  if (!plan) return null;
  const day = daysBetween(plan.signed, data.today) + 1;
  return h(
    'p',
    {class: 'plan-day', 'data-key': 'plan-day'},
    day <= 60 ? `Day ${day} of 60 · ` : 'The 60 days are over · ',
    `plan signed ${dayLabel(plan.signed)}`,
    plan.version > 1 ? ` (version ${plan.version}, ${dayLabel(plan.on)})` : '',
  );
}
