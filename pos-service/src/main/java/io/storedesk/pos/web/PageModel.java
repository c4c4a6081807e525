package io.storedesk.pos.web;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.drawer.DrawerProperties;
import io.storedesk.pos.headoffice.HeadOfficeReports;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.identity.Role;
import io.storedesk.pos.training.TrainingSubjects;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the store, the user and their API token, the language and formats. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final StoreProperties store;
    private final DrawerProperties drawers;
    private final ApiSessions apiSessions;
    private final boolean headOffice;
    private final TrainingSubjects training;

    PageModel(StoreProperties store, DrawerProperties drawers, ApiSessions apiSessions,
            ObjectProvider<HeadOfficeReports> headOffice,
            TrainingSubjects training) {
        this.training = training;
        this.store = store;
        this.drawers = drawers;
        this.apiSessions = apiSessions;
        this.headOffice = headOffice.getIfAvailable() != null;
    }

    @ModelAttribute
    void common(Model model, Locale locale, Authentication auth, HttpServletRequest request) {
        model.addAttribute("store", store);
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("languages", WebConfiguration.LANGUAGES);
        model.addAttribute("fmt", new Formats(locale, store.currency(), store.zone()));
        model.addAttribute("today", java.time.LocalDate.now(store.zone()));
        model.addAttribute("currency", store.currency().getCurrencyCode());
        model.addAttribute("drawerIds", drawers.drawers().keySet().stream().sorted().toList());
        model.addAttribute("registerIds", drawers.drawers().values().stream().map(d -> d.register()).distinct().sorted()
                .toList());
        model.addAttribute("denominations", denominations());
        model.addAttribute("path", request.getRequestURI().substring(request.getContextPath().length()));
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            model.addAttribute("user", auth.getName());
            model.addAttribute("manager", !headOffice && CurrentUser.hasRole(Role.MANAGER));
            // a head-office node serves none of the store's pages (headoffice.internal.HeadOfficeRoutes)
            model.addAttribute("desk", !headOffice && (CurrentUser.hasRole(Role.MANAGER) || CurrentUser.hasRole(Role.CLERK)));
            model.addAttribute("office", !headOffice && (CurrentUser.hasRole(Role.MANAGER) || CurrentUser.hasRole(Role.HEAD_OFFICE)));
            model.addAttribute("headOffice", headOffice && CurrentUser.hasRole(Role.HEAD_OFFICE));
            model.addAttribute("apiToken", apiSessions.token(request.getSession(), auth));
            if (!headOffice) { // the training banner (ADR 0005): the signed-in user or any register in training
                var subjects = training.all();
                String name = CurrentUser.username();
                model.addAttribute("trainingUser", subjects.stream().anyMatch(
                        s -> s.kind() == TrainingSubjects.Kind.USER && s.id().equalsIgnoreCase(name)));
                List<String> registers = subjects.stream().filter(s -> s.kind() == TrainingSubjects.Kind.REGISTER)
                        .map(TrainingSubjects.Subject::id).toList();
                model.addAttribute("trainingRegisters", registers.isEmpty() ? null : String.join(", ", registers));
                // the drawers of registers in training: the drawer page disables what training refuses for them
                model.addAttribute("trainingDrawers", drawers.drawers().entrySet().stream()
                        .filter(e -> registers.stream().anyMatch(r -> r.equalsIgnoreCase(e.getValue().register())))
                        .map(java.util.Map.Entry::getKey).sorted().toList());
            }
        }
    }

    /** The store currency's notes and coins, largest first, as plain strings ("0.50"). */
    private List<String> denominations() {
        int digits = store.currency().getDefaultFractionDigits();
        return drawers.denominations().getOrDefault(store.currency().getCurrencyCode(), List.of()).stream()
                .sorted(Comparator.reverseOrder())
                .map(d -> d.setScale(Math.max(digits, 0), java.math.RoundingMode.UNNECESSARY))
                .map(BigDecimal::toPlainString)
                .toList();
    }
}
