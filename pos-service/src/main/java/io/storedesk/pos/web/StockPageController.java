package io.storedesk.pos.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Stock pages (issue 26): an item's stock here and in the other stores ({@code /stock}) and goods
 * received by scan ({@code /stock/receive}); everything goes through the JSON API from
 * {@code stock.js}, which shows names with {@code textContent} only.
 */
@Controller
class StockPageController {

    @GetMapping("/stock")
    String stock() {
        return "stock";
    }

    @GetMapping("/stock/receive")
    String receive() {
        return "stock-receive";
    }
}
