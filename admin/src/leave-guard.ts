// Leaving a screen with unsaved changes asks first: an in-app route change (links, back button) asks
// with a confirmation, closing or reloading the tab with the browser's own "leave site?" question.
import { useEffect, useRef } from 'preact/hooks';
import { t } from './i18n.js';
import { setLeaveGuard } from './router.js';

export function useLeaveGuard(hasUnsavedChanges: boolean): { allowLeaving: () => void } {
  const isDirty = useRef(hasUnsavedChanges);
  isDirty.current = hasUnsavedChanges;
  const isAllowed = useRef(false);
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isDirty.current || isAllowed.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    setLeaveGuard(() => !isDirty.current || isAllowed.current || window.confirm(t('leaveUnsaved')));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      setLeaveGuard(null);
    };
  }, []);
  // After a delete or sign-out the changes are gone on purpose.
  return { allowLeaving: () => (isAllowed.current = true) };
}
