// Layout checks every screen must pass on a phone: tap targets of at least 44 × 44 px, and no
// sideways scrolling.

/** Interactive things smaller than 44 × 44 px; a checkbox or radio counts its whole label. */
async function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    for (const element of document.querySelectorAll("a, button, input, select, textarea, summary")) {
      const target = element.matches("input[type=checkbox], input[type=radio]") ? element.closest("label") : element;
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || element.classList.contains("skip-link")) continue;
      if (box.height < 44 || box.width < 44) small.push(`${element.tagName} "${(element.textContent || element.id).trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small;
  });
}

async function overflowsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

module.exports = { smallTargets, overflowsSideways };
