#pragma once
// Overloaded{lambdas...}: one visitor from several lambdas, for std::visit
// over a closed sum type (content::Block). Give one lambda per alternative
// and no catch-all (no `auto` parameter, no base-class parameter): then a
// new alternative that a stage does not handle is a compile error there.
namespace folio {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace folio
