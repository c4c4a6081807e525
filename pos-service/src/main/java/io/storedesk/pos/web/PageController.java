package io.storedesk.pos.web;

import io.storedesk.pos.common.StoreProperties;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class PageController {

    private final StoreProperties store;

    PageController(StoreProperties store) {
        this.store = store;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("store", store);
        return "login";
    }

    @GetMapping("/")
    String home(Model model, Authentication auth) {
        model.addAttribute("store", store);
        model.addAttribute("user", auth.getName());
        return "home";
    }
}
