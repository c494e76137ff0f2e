/**
 * A short, quiet two-note chime through Web Audio, for the timer reaching zero. Browsers
 * allow sound only after the person has used the page; when they do not, nothing plays and
 * the visual pulse is the signal.
 */
let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  const Constructor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Constructor) return null;
  try {
    context = new Constructor();
  } catch {
    return null;
  }
  return context;
}

/** Plays the chime when sound is allowed. */
export function playSoftTone(): void {
  const audio = audioContext();
  if (!audio) return;
  const play = (): void => {
    const start = audio.currentTime + 0.02;
    for (const [offset, frequency] of [
      [0, 660],
      [0.28, 880],
    ] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      // Quiet, with a soft attack and a long fade: a signal, not an alarm.
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.08, start + offset + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.6);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.65);
    }
  };
  if (audio.state === 'running') play();
  else audio.resume().then(() => audio.state === 'running' && play(), () => undefined);
}
