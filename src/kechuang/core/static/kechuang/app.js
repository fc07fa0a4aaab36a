// Draw the charts of a page: every element with data-chart reads its data from a json_script block.
// Kept in a static file (no inline script) so the Content-Security-Policy can forbid inline code.
(function () {
  function draw(el) {
    if (!window.echarts) return;
    var source = document.getElementById(el.dataset.source);
    if (!source) return;
    var data = JSON.parse(source.textContent);
    var chart = window.echarts.init(el);
    var kind = el.dataset.chart;
    if (kind === "bar") {
      chart.setOption({
        tooltip: {}, grid: { left: 40, right: 10, bottom: 40, top: 20 },
        xAxis: { type: "category", data: data.labels, axisLabel: { interval: 0 } },
        yAxis: { type: "value" },
        series: [{ type: "bar", data: data.values, itemStyle: { color: "#0b4f8a" } }]
      });
    } else if (data.option) {
      chart.setOption(data.option);
    }
    window.addEventListener("resize", function () { chart.resize(); });
  }
  function drawAll(root) { (root || document).querySelectorAll("[data-chart]").forEach(draw); }
  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSwap", function (e) { drawAll(e.target); });
})();

// Plan review: a click on a target scrolls the source pane (not the whole window) to its sentence.
(function () {
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.target-chip");
    if (!link) return;
    var mark = document.getElementById(link.getAttribute("href").slice(1));
    var pane = mark && mark.closest(".source-text");
    if (!pane) return;
    event.preventDefault();
    pane.scrollTop = mark.offsetTop - pane.clientHeight / 3;  // the pane is the mark's offsetParent
    pane.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    mark.classList.add("current");
    mark.setAttribute("tabindex", "-1");
    mark.focus({ preventScroll: true });
  });
})();

// Lists with row checkboxes: a box marked data-check-all="NAME" ticks or clears every box named NAME.
(function () {
  document.addEventListener("change", function (event) {
    var all = event.target.closest("[data-check-all]");
    if (!all) return;
    document.querySelectorAll('input[type=checkbox][name="' + all.dataset.checkAll + '"]').forEach(function (box) {
      box.checked = all.checked;
    });
  });
})();
