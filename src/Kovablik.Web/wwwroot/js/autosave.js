// Autosave that survives a dropped connection. htmx drops a request that cannot be sent and leaves the last
// "Tersimpan" on screen, so a writer would believe text typed offline was saved and might close the tab. Here a
// failed autosave says so, and is sent again (the whole form, the text is still in the page) as soon as the browser
// is back online, or every few seconds while it believes it is online, until the server has it.
(function () {
    'use strict';
    var pending = null;
    var timer = null;

    function statusOf(elt) {
        var form = elt && elt.closest ? elt.closest('form') : null;
        return form ? form.querySelector('[data-autosave-status]') : null;
    }

    function isAutosave(elt) {
        return !!(elt && elt.getAttribute && elt.getAttribute('hx-trigger') && elt.getAttribute('hx-trigger').indexOf('autosave-retry') >= 0);
    }

    function retry() {
        timer = null;
        if (!pending || !navigator.onLine) return;
        var elt = pending;
        if (window.htmx) window.htmx.trigger(elt, 'autosave-retry');
    }

    function failed(elt) {
        pending = elt;
        var status = statusOf(elt);
        if (status) status.innerHTML = '<span class="text-danger"></span>';
        if (status) status.firstChild.textContent = status.getAttribute('data-autosave-failed') || '';
        if (!timer && navigator.onLine) timer = window.setTimeout(retry, 5000);
    }

    document.addEventListener('htmx:sendError', function (e) {
        if (isAutosave(e.detail.elt)) failed(e.detail.elt);
    });
    document.addEventListener('htmx:responseError', function (e) {
        // A 5xx or a proxy error page: nothing was saved, try again later. (Refusals by the app come back as 200.)
        if (isAutosave(e.detail.elt)) failed(e.detail.elt);
    });
    document.addEventListener('htmx:afterRequest', function (e) {
        if (isAutosave(e.detail.elt) && e.detail.successful) pending = null;
    });
    window.addEventListener('online', function () {
        if (timer) { window.clearTimeout(timer); timer = null; }
        retry();
    });
}());
