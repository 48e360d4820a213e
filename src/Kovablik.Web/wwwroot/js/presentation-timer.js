// Countdown for the panel's timer view: the presentation phase, then the interview. The page shows both phases with
// their lengths and times without this script; it only adds the controls and the running clocks.
(function () {
    "use strict";
    var root = document.getElementById("presentation-timer");
    if (!root) return;
    var phases = Array.prototype.slice.call(root.querySelectorAll("[data-phase]")).map(function (el) {
        return { el: el, total: parseInt(el.getAttribute("data-seconds"), 10) || 0, display: el.querySelector("[data-display]") };
    });
    if (phases.length === 0) return;
    var controls = root.querySelector("[data-controls]");
    var toggle = root.querySelector("[data-action=toggle]");
    var next = root.querySelector("[data-action=next]");
    var reset = root.querySelector("[data-action=reset]");
    var announce = root.querySelector("[data-announce]");
    var label = function (name) { return root.getAttribute("data-label-" + name) || ""; };

    var current = 0, remaining = phases[0].total, running = false, deadline = 0, ticker = null;

    function format(seconds) {
        var s = Math.max(0, Math.ceil(seconds));
        var m = Math.floor(s / 60), r = s % 60;
        return (m < 10 ? "0" : "") + m + ":" + (r < 10 ? "0" : "") + r;
    }

    function render() {
        phases.forEach(function (p, i) {
            var value = i < current ? 0 : i === current ? remaining : p.total;
            p.display.textContent = format(value);
            p.el.classList.toggle("border-primary", i === current && running);
            p.el.classList.toggle("border-danger", i === current && remaining <= 0);
        });
        toggle.textContent = running ? label("pause") : (remaining < phases[current].total ? label("resume") : label("start"));
        next.disabled = current >= phases.length - 1;
    }

    function stop() {
        running = false;
        if (ticker) { clearInterval(ticker); ticker = null; }
    }

    function tick() {
        // Read the clock rather than counting ticks, so a throttled background tab stays right.
        remaining = (deadline - Date.now()) / 1000;
        if (remaining <= 0) {
            remaining = 0;
            stop();
            announce.textContent = label("done");
            if (current < phases.length - 1) {
                current++;
                remaining = phases[current].total;
                start();
                return;
            }
        }
        render();
    }

    function start() {
        if (remaining <= 0) return;
        running = true;
        deadline = Date.now() + remaining * 1000;
        ticker = setInterval(tick, 250);
        render();
    }

    toggle.addEventListener("click", function () {
        if (running) { stop(); remaining = (deadline - Date.now()) / 1000; render(); } else { start(); }
    });
    next.addEventListener("click", function () {
        if (current >= phases.length - 1) return;
        var wasRunning = running;
        stop();
        current++;
        remaining = phases[current].total;
        announce.textContent = label("next");
        if (wasRunning) start(); else render();
    });
    reset.addEventListener("click", function () {
        stop();
        current = 0;
        remaining = phases[0].total;
        announce.textContent = "";
        render();
    });

    controls.hidden = false;
    render();
})();
