package io.blastgate.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LuceneQueryTest {

  @Test
  void wordsBecomeLowerCasePrefixTermsJoinedByAnd() {
    assertThat(LuceneQuery.forText("  Stripe   KEY ")).isEqualTo("stripe* AND key*");
  }

  @Test
  void aWordWithPunctuationAlsoMatchesAsItsParts() {
    assertThat(LuceneQuery.forText("stripe-key"))
        .isEqualTo("(stripe\\-key* OR (stripe* AND key*))");
    assertThat(LuceneQuery.forText("wl:check")).isEqualTo("(wl\\:check* OR (wl* AND check*))");
  }

  @Test
  void everyLuceneSpecialCharacterIsEscapedAndOperatorsBecomeWords() {
    String special = "+-&|!(){}[]^\"~*?:\\/";
    String query = LuceneQuery.forText(special);
    // Every special character is preceded by a backslash; only the final '*' (the prefix) is bare.
    StringBuilder expected = new StringBuilder();
    for (char c : special.toCharArray()) {
      expected.append('\\').append(c);
    }
    assertThat(query).isEqualTo(expected + "*");
    assertThat(LuceneQuery.forText("a OR b AND NOT c")).isEqualTo("a* AND or* AND b* AND and* AND not* AND c*");
  }

  @Test
  void blankTextIsRefused() {
    assertThatThrownBy(() -> LuceneQuery.forText(" \t ")).isInstanceOf(IllegalArgumentException.class);
  }
}
