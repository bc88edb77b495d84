/*
 * Accessible names the widgets leave out. PrimeFaces' date picker renders its calendar button with the text
 * "ui-button" and no label, so a screen reader announced "ui-button": each such button gets the page's own words
 * (the body's data-date-button), also when a dialog or an Ajax update renders it later.
 */
(function () {
    'use strict';

    function nameDateButtons() {
        var label = document.body.getAttribute('data-date-button');
        if (!label) {
            return;
        }
        document.querySelectorAll('button.ui-datepicker-trigger:not([aria-label])').forEach(function (button) {
            button.setAttribute('aria-label', label);
            button.setAttribute('title', label);
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        nameDateButtons();
        new MutationObserver(nameDateButtons).observe(document.body, {childList: true, subtree: true});
    });
})();
