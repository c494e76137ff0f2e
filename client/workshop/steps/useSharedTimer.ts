import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { formatRemaining, IDLE_TIMER, MINUTE_MS, remainingMs, timerOf, type TimerState } from '../../../shared/domain/timer';
import { useDocValue } from '../useDocValue';
import { serverNow, useServerClock } from './serverClock';
import { playSoftTone } from './softTone';

/** How often a running timer is read again: often enough that the second changes on time. */
const TICK_MS = 250;
/** How long the pulse at zero lasts. */
const PULSE_MS = 6_000;

/** The shared timer as this device shows it. */
export interface SharedTimer {
  timer: TimerState;
  /** Remaining time as people read it ("4:59"). */
  text: string;
  /** The timer has just reached zero: the view pulses. */
  pulsing: boolean;
  /** What a screen reader is told (at one minute left and at zero), or ''. */
  announcement: string;
}

/**
 * The shared timer, read in server time and shown to the second. Only crossings seen while
 * the timer runs are signalled (one minute left, zero), never the time every second, and not
 * a zero that was already past when the board opened.
 */
export function useSharedTimer(doc: Y.Doc, signal = true): SharedTimer {
  const { t } = useTranslation();
  const timer = useDocValue(doc, timerOf) ?? IDLE_TIMER;
  const clockKnown = useServerClock();
  const [text, setText] = useState(() => formatRemaining(remainingMs(timer, serverNow())));
  const [pulsing, setPulsing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<number | null>(null);
  const words = useRef(t);
  words.current = t;

  useEffect(() => {
    previous.current = null;
    let pulseEnd: ReturnType<typeof setTimeout> | null = null;
    const tick = (): void => {
      const left = remainingMs(timer, serverNow());
      setText(formatRemaining(left));
      const before = previous.current;
      previous.current = left;
      if (timer.status !== 'running' || before === null) return;
      if (before > MINUTE_MS && left <= MINUTE_MS && left > 0) setAnnouncement(words.current('run.timer.oneMinute'));
      if (before > 0 && left === 0) {
        setAnnouncement(words.current('run.timer.timeUp'));
        setPulsing(true);
        pulseEnd = setTimeout(() => setPulsing(false), PULSE_MS);
        if (signal) playSoftTone();
      }
    };
    tick();
    const interval = timer.status === 'running' ? setInterval(tick, TICK_MS) : null;
    return () => {
      if (interval) clearInterval(interval);
      if (pulseEnd) clearTimeout(pulseEnd);
      setPulsing(false);
    };
    // The timer value changes identity only when the document changes it.
  }, [timer, clockKnown, signal]);

  return { timer, text, pulsing, announcement };
}
