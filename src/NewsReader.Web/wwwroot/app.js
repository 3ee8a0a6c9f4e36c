// NewsReader's small amount of browser code: theme cookies and keyboard shortcuts.
// Plain document listeners, so they keep working across Blazor's enhanced navigations.
(function () {
    'use strict';
    const year = 60 * 60 * 24 * 365;
    const setCookie = (name, value) =>
        document.cookie = `${name}=${value}; path=/; max-age=${year}; samesite=lax`;

    window.newsReader = {
        // Remembers the reader's theme choice; read back by the server on the next page load.
        saveTheme: (mode) => setCookie('theme', mode),
    };

    // Tell the server what the system prefers, so the next prerendered page has the right colours.
    const dark = window.matchMedia('(prefers-color-scheme: dark)');
    const saveSystem = () => setCookie('sysdark', dark.matches ? '1' : '0');
    saveSystem();
    dark.addEventListener('change', saveSystem);

    const isTyping = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

    document.addEventListener('keydown', (e) => {
        if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) {
            return;
        }
        const target = e.target;
        if (isTyping(target)) {
            if (e.key === 'Escape' && target.id === 'search') {
                target.blur();
            }
            return;
        }
        if (e.key === '/') {
            const search = document.getElementById('search');
            if (search) {
                e.preventDefault();
                search.focus();
                search.select();
            }
            return;
        }
        if (e.key === 'j' || e.key === 'k') {
            // Story lists mark their main links; Enter on a focused link opens it as usual.
            const items = Array.from(document.querySelectorAll('[data-nav-item]'));
            if (items.length === 0) {
                return;
            }
            e.preventDefault();
            let i = items.indexOf(document.activeElement);
            i = e.key === 'j' ? Math.min(i + 1, items.length - 1) : Math.max(i - 1, 0);
            items[i].focus();
            items[i].scrollIntoView({ block: 'nearest' });
        }
    });
})();
