/*
 * What the pages' widgets leave to the browser, done as a person expects.
 *
 * Accessible names: PrimeFaces' date picker renders its calendar button with the text "ui-button" and no label, so
 * a screen reader announced "ui-button"; each such button gets the page's own words (the body's data-date-button),
 * also when a dialog or an Ajax update renders it later; the slider's handle becomes a named ARIA slider.
 *
 * Enter: a browser submits a form with its first button, and on a page whose step has 获取验证码 before 登录 or
 * 下一步 that sent a new code — the typed one then failed and counted as a wrong attempt. Enter in a field now
 * presses the step's own button: the first visible primary button after the field in its tab, dialog or card (a
 * secondary one only where there is no primary one; never a flat or danger one, nor a table row's); where there is
 * none, Enter does nothing.
 *
 * Errors out of sight: a button at the foot of a long form (registration, the counter's registration) answered with
 * a message at the head of the page, out of view, so the press seemed to do nothing. When an Ajax answer shows an
 * error or a confirmation outside the window, the page scrolls to it; for an error, unless a field is being typed in, the focus moves to
 * the message (the pressed button was often re-rendered, which left the focus nowhere), so a keyboard or screen-reader
 * user goes on from there.
 *
 * Confirmations: PrimeFaces gives the focus to a confirmation dialog's first button, 确定, so a stray Enter stopped a
 * clerk or withdrew a grant. The focus goes to the dialog's 取消 instead; 确定 takes a deliberate press.
 */
(function () {
    'use strict';

    var STEP = '.ui-tabs-panel, .ui-dialog, .card, form';
    var FIELDS = 'input:not([type]), input[type=text], input[type=password], input[type=tel], input[type=email], '
        + 'input[type=number], input[type=search]';

    function visible(element) {
        return element.offsetParent !== null;
    }

    /* quiet (flat, text) and dangerous buttons, and a table's row buttons, are never Enter's */
    var ANY = 'button.ui-button:not(.ui-button-flat):not(.ui-button-text):not(.ui-button-danger)'
        + ':not(.ui-datepicker-trigger)';
    /* secondary ones (outlined, secondary) only where the step has no primary one after the field, e.g. 查询 */
    var PRIMARY = ANY + ':not(.ui-button-outlined):not(.ui-button-secondary)';

    function follows(button, field) {
        return (field.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    }

    function firstAfter(scope, selector, field) {
        var buttons = scope.querySelectorAll(selector);
        for (var i = 0; i < buttons.length; i++) {
            var b = buttons[i];
            if (visible(b) && !b.disabled && follows(b, field) && !b.closest('.ui-datatable')) {
                return b;
            }
        }
        return null;
    }

    /* the first primary button after the field in its step (a form's submit comes after its fields), else a
       secondary one */
    function primaryButtonOf(field) {
        var selectors = [PRIMARY, ANY];
        for (var k = 0; k < selectors.length; k++) {
            for (var scope = field.closest(STEP); scope;
                 scope = scope.parentElement && scope.parentElement.closest(STEP)) {
                var b = firstAfter(scope, selectors[k], field);
                if (b) {
                    return b;
                }
            }
        }
        return null;
    }

    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Enter' || event.isComposing || !event.target.matches || !event.target.matches(FIELDS)) {
            return;
        }
        // never the browser's own choice, the form's first button: in a table of approve and reject buttons that
        // approved the first row
        event.preventDefault();
        var button = primaryButtonOf(event.target);
        if (button) {
            button.click();
        }
    });

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

    /* The slider's handle is a bare span: a screen reader is told what it is, what to do and where it stands. */
    function nameSliders() {
        var label = document.body.getAttribute('data-slider-label');
        document.querySelectorAll('.slider-track .ui-slider-handle:not([role])').forEach(function (handle) {
            handle.setAttribute('role', 'slider');
            handle.setAttribute('aria-label', label || '');
            handle.setAttribute('aria-valuemin', '0');
            handle.setAttribute('aria-valuemax', '100');
            handle.setAttribute('aria-valuenow', String(Math.round(parseFloat(handle.style.left) || 0)));
        });
    }

    function sliderMoved(event) {
        var handle = event.target.closest && event.target.closest('.slider-track .ui-slider-handle');
        if (handle) {
            handle.setAttribute('aria-valuenow', String(Math.round(parseFloat(handle.style.left) || 0)));
        }
    }

    document.addEventListener('keyup', sliderMoved);
    document.addEventListener('pointerup', sliderMoved);

    /* PrimeFaces' read-only steps are tabs holding links: a list of steps instead, the current one marked, nothing to
       focus (WCAG 4.1.2: no interactive control inside another) */
    function listSteps() {
        document.querySelectorAll('.ui-steps ul[role=tablist]').forEach(function (list) {
            list.setAttribute('role', 'list');
            list.querySelectorAll('li').forEach(function (item) {
                item.setAttribute('role', 'listitem');
                ['aria-selected', 'aria-expanded', 'tabindex'].forEach(function (a) {
                    item.removeAttribute(a);
                });
                if (item.classList.contains('ui-state-highlight')) {
                    item.setAttribute('aria-current', 'step');
                }
                var link = item.querySelector('a');
                if (link) {
                    link.removeAttribute('href');
                    link.removeAttribute('tabindex');
                }
            });
        });
    }

    function nameWidgets() {
        nameDateButtons();
        nameSliders();
        listSteps();
    }

    /* a message already shown stays where it is when a later answer (a poll) leaves it unchanged */
    var shown = new WeakSet();

    function showMessage() {
        var m = firstNew('.ui-messages-error, .ui-message-error') || firstNew('.ui-messages-info');
        if (!m) {
            return;
        }
        var box = m.getBoundingClientRect();
        if (box.top < 0 || box.bottom > window.innerHeight) {
            m.scrollIntoView({block: 'center'});
        }
        if (!m.matches('.ui-messages-error, .ui-message-error')) {
            return; // a confirmation is brought into view, an error also takes the focus
        }
        // the pressed button was re-rendered (the focus fell back to the page) or still has it: the message takes
        // it; a field being typed in keeps it
        var active = document.activeElement;
        if (!active || active === document.body || active.matches('button, a')) {
            m.setAttribute('tabindex', '-1');
            m.focus({preventScroll: true});
        }
    }

    /* the first visible message of the kind not handled before; null when the first visible one was */
    function firstNew(selector) {
        var messages = document.querySelectorAll(selector);
        for (var i = 0; i < messages.length; i++) {
            if (visible(messages[i])) {
                if (shown.has(messages[i])) {
                    return null;
                }
                shown.add(messages[i]);
                return messages[i];
            }
        }
        return null;
    }

    /* a confirmation dialog opens with the focus on its 取消 (ui-confirmdialog-no), where there is one */
    function cancelFirstInConfirmations() {
        var widgets = window.PrimeFaces && window.PrimeFaces.widget;
        if (!widgets || !widgets.ConfirmDialog) {
            return;
        }
        widgets.ConfirmDialog.prototype.applyFocus = function () {
            var buttons = this.jq.find(':button,:submit').filter(':visible:enabled');
            var cancel = buttons.filter('.ui-confirmdialog-no');
            (cancel.length ? cancel : buttons).eq(0).trigger('focus');
        };
    }

    document.addEventListener('DOMContentLoaded', function () {
        cancelFirstInConfirmations();
        if (window.jQuery) {
            window.jQuery(document).on('pfAjaxComplete', showMessage);
        }
        nameWidgets();
        new MutationObserver(nameWidgets).observe(document.body, {childList: true, subtree: true});
    });
})();
